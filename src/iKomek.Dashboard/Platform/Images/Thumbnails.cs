namespace IKomek.Dashboard.Platform.Images;

/// <summary>Small copies of a picture for lists and cards: box-averaged down to a width, kept in proportion.</summary>
public static class Thumbnails
{
    public const int Width = 320;

    /// <summary>The picture scaled down to <paramref name="width"/> (never up) by averaging the pixels each output pixel covers.</summary>
    public static Raster Scale(Raster source, int width = Width)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Width <= width)
        {
            return source;
        }
        var height = Math.Max(1, (int)Math.Round(source.Height * (double)width / source.Width));
        var result = new Raster(width, height);
        for (var y = 0; y < height; y++)
        {
            int y0 = y * source.Height / height, y1 = Math.Max(y0 + 1, (y + 1) * source.Height / height);
            for (var x = 0; x < width; x++)
            {
                int x0 = x * source.Width / width, x1 = Math.Max(x0 + 1, (x + 1) * source.Width / width);
                long r = 0, g = 0, b = 0;
                for (var sy = y0; sy < y1; sy++)
                {
                    for (var sx = x0; sx < x1; sx++)
                    {
                        var (pr, pg, pb) = source.Get(sx, sy);
                        r += pr;
                        g += pg;
                        b += pb;
                    }
                }
                var n = (y1 - y0) * (x1 - x0);
                result.Set(x, y, ((byte)(r / n), (byte)(g / n), (byte)(b / n)));
            }
        }
        return result;
    }

    /// <summary>A PNG thumbnail of a PNG (see <see cref="Png.Decode"/> for what is read).</summary>
    public static byte[] OfPng(byte[] png, int width = Width) => Png.Encode(Scale(Png.Decode(png), width));
}
