namespace IKomek.Dashboard.Platform.Images;

/// <summary>An 8-bit RGB picture in memory, row by row: what the PNG codec reads and writes and thumbnails scale.</summary>
public sealed class Raster
{
    public Raster(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        Width = width;
        Height = height;
        Pixels = new byte[width * height * 3];
    }

    public int Width { get; }
    public int Height { get; }

    /// <summary>R, G, B for each pixel, left to right, top to bottom.</summary>
    public byte[] Pixels { get; }

    public void Set(int x, int y, (byte R, byte G, byte B) colour)
    {
        if ((uint)x >= (uint)Width || (uint)y >= (uint)Height)
        {
            return;
        }
        var i = (y * Width + x) * 3;
        Pixels[i] = colour.R;
        Pixels[i + 1] = colour.G;
        Pixels[i + 2] = colour.B;
    }

    public (byte R, byte G, byte B) Get(int x, int y)
    {
        var i = (y * Width + x) * 3;
        return (Pixels[i], Pixels[i + 1], Pixels[i + 2]);
    }

    /// <summary>Fills a rectangle, clipped to the picture.</summary>
    public void Fill(int x, int y, int width, int height, (byte R, byte G, byte B) colour)
    {
        for (var row = Math.Max(0, y); row < Math.Min(Height, y + height); row++)
        {
            for (var col = Math.Max(0, x); col < Math.Min(Width, x + width); col++)
            {
                Set(col, row, colour);
            }
        }
    }
}
