using System.Buffers.Binary;
using System.IO.Compression;
using IKomek.Dashboard.Platform.Images;

namespace IKomek.Dashboard.Features.Projects.Editing;

/// <summary>What an uploaded file is, by its first bytes and header: its type and size in pixels.</summary>
public sealed record ImageHeader(string ContentType, int Width, int Height);

/// <summary>
/// The photo checks of an upload without an image library: the type by its magic bytes (JPEG, PNG, WebP; never by the
/// file's name), the dimensions from the header, and a thumbnail. A PNG (8 bits a channel, not interlaced) is
/// decoded row by row and shrunk by averaging; any other image is its own thumbnail while it is small enough to send
/// in a list, and is refused above that (the project office saves it smaller or as PNG).
/// </summary>
public static class UploadImages
{
    public const int ThumbnailWidth = 320;
    public const int ThumbnailHeight = 240;

    /// <summary>The largest image kept as its own thumbnail.</summary>
    public const int MaxOwnThumbnailBytes = 200 * 1024;

    /// <summary>An image larger than this in pixels is refused: its decoded rows would be out of proportion to its file.</summary>
    public const long MaxPixels = 60_000_000;

    /// <summary>The image's type and dimensions, or null when the bytes are not a JPEG, PNG or WebP with a readable header.</summary>
    public static ImageHeader? ReadHeader(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 24 && Png.IsPng(b) && b[12..16].SequenceEqual("IHDR"u8))
            return Valid("image/png", BinaryPrimitives.ReadInt32BigEndian(b[16..]), BinaryPrimitives.ReadInt32BigEndian(b[20..]));
        if (b.Length >= 4 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) return Jpeg(b);
        if (b.Length >= 30 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8)) return WebP(b);
        return null;
    }

    private static ImageHeader? Valid(string type, int width, int height) => width > 0 && height > 0 ? new ImageHeader(type, width, height) : null;

    /// <summary>The first start-of-frame marker's height and width (baseline, progressive or lossless alike).</summary>
    private static ImageHeader? Jpeg(ReadOnlySpan<byte> b)
    {
        var i = 2;
        while (i + 9 < b.Length)
        {
            if (b[i] != 0xFF) return null;
            var marker = b[i + 1];
            if (marker == 0xFF) { i++; continue; }
            if (marker is 0x01 or >= 0xD0 and <= 0xD7) { i += 2; continue; }
            var length = BinaryPrimitives.ReadUInt16BigEndian(b[(i + 2)..]);
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
                return Valid("image/jpeg", BinaryPrimitives.ReadUInt16BigEndian(b[(i + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(b[(i + 5)..]));
            if (marker == 0xDA || length < 2) return null;
            i += 2 + length;
        }
        return null;
    }

    private static ImageHeader? WebP(ReadOnlySpan<byte> b)
    {
        var chunk = b[12..16];
        if (chunk.SequenceEqual("VP8 "u8) && b[23] == 0x9D && b[24] == 0x01 && b[25] == 0x2A)
            return Valid("image/webp", BinaryPrimitives.ReadUInt16LittleEndian(b[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(b[28..]) & 0x3FFF);
        if (chunk.SequenceEqual("VP8L"u8) && b[20] == 0x2F)
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(b[21..]);
            return Valid("image/webp", (int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }
        if (chunk.SequenceEqual("VP8X"u8))
            return Valid("image/webp", (b[24] | b[25] << 8 | b[26] << 16) + 1, (b[27] | b[28] << 8 | b[29] << 16) + 1);
        return null;
    }

    /// <summary>The thumbnail of an image whose header was read: a shrunk PNG, or the image itself when small; null when neither can be had.</summary>
    public static byte[]? Thumbnail(byte[] image, ImageHeader header)
    {
        if (header.ContentType == "image/png")
        {
            try
            {
                if (ShrinkPng(image) is { } png) return png;
            }
            catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IndexOutOfRangeException or ArgumentException)
            {
                return null;   // a PNG whose data does not decode is not kept
            }
        }
        return image.Length <= MaxOwnThumbnailBytes ? image : null;
    }

    /// <summary>A PNG of 8 bits a channel, not interlaced, shrunk to fit <see cref="ThumbnailWidth"/> x <see cref="ThumbnailHeight"/>
    /// by averaging; null for the other kinds of PNG.</summary>
    private static byte[]? ShrinkPng(byte[] png)
    {
        int width = 0, height = 0, colourType = -1;
        byte[]? palette = null;
        var data = new MemoryStream();
        for (var at = 8; at + 12 <= png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            if (length < 0 || at + 12 + length > png.Length) throw new InvalidDataException("chunk past the end");
            var type = png.AsSpan(at + 4, 4);
            var body = png.AsSpan(at + 8, length);
            if (type.SequenceEqual("IHDR"u8))
            {
                width = BinaryPrimitives.ReadInt32BigEndian(body);
                height = BinaryPrimitives.ReadInt32BigEndian(body[4..]);
                colourType = body[9];
                if (body[8] != 8 || body[12] != 0) return null;   // 16-bit, or fewer bits, or interlaced
            }
            else if (type.SequenceEqual("PLTE"u8)) palette = body.ToArray();
            else if (type.SequenceEqual("IDAT"u8)) data.Write(body);
            else if (type.SequenceEqual("IEND"u8)) break;
            at += 12 + length;
        }
        var channels = colourType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, 6 => 4, _ => 0 };
        if (channels == 0 || width <= 0 || height <= 0 || (long)width * height > MaxPixels || (colourType == 3 && palette is null)) return null;

        var scale = Math.Min(1.0, Math.Min((double)ThumbnailWidth / width, (double)ThumbnailHeight / height));
        int tw = Math.Max(1, (int)Math.Round(width * scale)), th = Math.Max(1, (int)Math.Round(height * scale));
        var alpha = colourType is 4 or 6;
        var sums = new long[tw * th * 4];
        var counts = new int[tw * th];
        var stride = width * channels;
        var row = new byte[stride];
        var previous = new byte[stride];
        data.Position = 0;
        using (var z = new ZLibStream(data, CompressionMode.Decompress))
        {
            for (var y = 0; y < height; y++)
            {
                var filter = z.ReadByte();
                if (filter < 0) throw new EndOfStreamException();
                z.ReadExactly(row);
                Png.Unfilter(filter, row, previous, channels);
                var ty = (int)((long)y * th / height);
                for (var x = 0; x < width; x++)
                {
                    var (r, g, bl, a) = Pixel(row, x, colourType, palette);
                    var t = ty * tw + (int)((long)x * tw / width);
                    sums[t * 4] += r; sums[t * 4 + 1] += g; sums[t * 4 + 2] += bl; sums[t * 4 + 3] += a;
                    counts[t]++;
                }
                (row, previous) = (previous, row);
            }
        }
        var outChannels = alpha ? 4 : 3;
        var raw = new byte[th * (1 + tw * outChannels)];
        for (int y = 0, o = 0; y < th; y++)
        {
            raw[o++] = 0;
            for (var x = 0; x < tw; x++)
            {
                var t = y * tw + x;
                var n = Math.Max(1, counts[t]);
                for (var c = 0; c < outChannels; c++) raw[o++] = (byte)(sums[t * 4 + c] / n);
            }
        }
        return Png.Encode(tw, th, alpha ? (byte)6 : (byte)2, raw);
    }

    private static (int R, int G, int B, int A) Pixel(byte[] row, int x, int colourType, byte[]? palette) => colourType switch
    {
        0 => (row[x], row[x], row[x], 255),
        2 => (row[x * 3], row[x * 3 + 1], row[x * 3 + 2], 255),
        3 => row[x] * 3 + 2 < palette!.Length ? (palette[row[x] * 3], palette[row[x] * 3 + 1], palette[row[x] * 3 + 2], 255) : (0, 0, 0, 255),
        4 => (row[x * 2], row[x * 2], row[x * 2], row[x * 2 + 1]),
        _ => (row[x * 4], row[x * 4 + 1], row[x * 4 + 2], row[x * 4 + 3]),
    };
}
