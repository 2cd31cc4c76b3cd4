using System.Buffers.Binary;
using System.IO.Compression;

namespace IKomek.Dashboard.Platform.Images;

/// <summary>
/// A minimal PNG codec (8-bit RGB and RGBA, not interlaced): enough for the demo city's generated photos and
/// the thumbnails of uploaded PNGs, without an image library (the ones on offer carry known flaws with crafted files).
/// </summary>
public static class Png
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    public const string ContentType = "image/png";

    public static bool IsPng(ReadOnlySpan<byte> data) => data.Length > Signature.Length && data[..Signature.Length].SequenceEqual(Signature);

    /// <summary>Width and height from the header, without decoding; null when the bytes are not a PNG.</summary>
    public static (int Width, int Height)? Size(ReadOnlySpan<byte> data) =>
        IsPng(data) && data.Length >= 24
            ? (BinaryPrimitives.ReadInt32BigEndian(data[16..]), BinaryPrimitives.ReadInt32BigEndian(data[20..]))
            : null;

    public static byte[] Encode(Raster raster)
    {
        ArgumentNullException.ThrowIfNull(raster);
        var stride = raster.Width * 3;
        // Filter "Sub" on every row: flat areas become runs of zeros that deflate packs tightly.
        var rows = new byte[(stride + 1) * raster.Height];
        for (var y = 0; y < raster.Height; y++)
        {
            var line = raster.Pixels.AsSpan(y * stride, stride);
            var row = rows.AsSpan(y * (stride + 1), stride + 1);
            row[0] = 1;
            for (var i = 0; i < stride; i++)
            {
                row[i + 1] = (byte)(line[i] - (i >= 3 ? line[i - 3] : 0));
            }
        }
        return Encode(raster.Width, raster.Height, 2, rows, CompressionLevel.SmallestSize);
    }

    /// <summary>A PNG of 8-bit rows already prefixed with their filter byte (colour type 2: RGB, 6: RGBA).</summary>
    public static byte[] Encode(int width, int height, byte colourType, byte[] filteredRows, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var idat = new MemoryStream();
        using (var zlib = new ZLibStream(idat, level, leaveOpen: true))
        {
            zlib.Write(filteredRows);
        }
        using var png = new MemoryStream();
        png.Write(Signature);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = colourType;
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", idat.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>Decodes an 8-bit RGB or RGBA PNG (alpha dropped); throws <see cref="InvalidDataException"/> on anything else.</summary>
    public static Raster Decode(byte[] data, int maxPixels = 40_000_000)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!IsPng(data))
        {
            throw new InvalidDataException("Not a PNG image.");
        }
        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        var offset = Signature.Length;
        while (offset + 8 <= data.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(offset));
            var type = System.Text.Encoding.ASCII.GetString(data, offset + 4, 4);
            if (length < 0 || offset + 12 + (long)length > data.Length)
            {
                throw new InvalidDataException("A PNG chunk runs past the end of the file.");
            }
            var body = data.AsSpan(offset + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(body);
                    height = BinaryPrimitives.ReadInt32BigEndian(body[4..]);
                    if (body[8] != 8 || body[9] is not (2 or 6) || body[12] != 0)
                    {
                        throw new InvalidDataException("Only 8-bit RGB or RGBA PNGs without interlacing are read.");
                    }
                    channels = body[9] == 2 ? 3 : 4;
                    if (width <= 0 || height <= 0 || (long)width * height > maxPixels)
                    {
                        throw new InvalidDataException($"The PNG's size {width}x{height} is out of range.");
                    }
                    break;
                case "IDAT":
                    idat.Write(body);
                    break;
            }
            offset += 12 + length;
        }
        if (channels == 0)
        {
            throw new InvalidDataException("The PNG has no header.");
        }
        var stride = width * channels;
        var raw = new byte[(stride + 1) * height];
        idat.Position = 0;
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
        {
            zlib.ReadExactly(raw);
        }
        var raster = new Raster(width, height);
        var previous = new byte[stride];
        var current = new byte[stride];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            raw.AsSpan(y * (stride + 1) + 1, stride).CopyTo(current);
            Unfilter(filter, current, previous, channels);
            for (var x = 0; x < width; x++)
            {
                raster.Set(x, y, (current[x * channels], current[x * channels + 1], current[x * channels + 2]));
            }
            (previous, current) = (current, previous);
        }
        return raster;
    }

    /// <summary>Undoes a row's PNG filter in place, given the row above (already unfiltered) and the bytes per pixel.</summary>
    public static void Unfilter(int filter, byte[] line, byte[] above, int bpp)
    {
        for (var i = 0; i < line.Length; i++)
        {
            int a = i >= bpp ? line[i - bpp] : 0, b = above[i], c = i >= bpp ? above[i - bpp] : 0;
            line[i] = filter switch
            {
                0 => line[i],
                1 => (byte)(line[i] + a),
                2 => (byte)(line[i] + b),
                3 => (byte)(line[i] + (a + b) / 2),
                4 => (byte)(line[i] + Paeth(a, b, c)),
                _ => throw new InvalidDataException($"Unknown PNG filter {filter}."),
            };
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static void WriteChunk(Stream stream, string type, byte[] body)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, body.Length);
        stream.Write(number);
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        stream.Write(typeBytes);
        stream.Write(body);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc(Crc(0xFFFFFFFFu, typeBytes), body) ^ 0xFFFFFFFFu);
        stream.Write(number);
    }

    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++)
        {
            c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }
        return c;
    }).ToArray();

    private static uint Crc(uint crc, byte[] bytes)
    {
        foreach (var b in bytes)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }
        return crc;
    }
}
