using IKomek.Dashboard.Platform.Images;

namespace IKomek.Dashboard.Tests.Platform.Images;

public sealed class PngTests
{
    [Fact]
    public void Encode_ThenDecode_GivesThePixelsBack()
    {
        var raster = new Raster(7, 5);
        raster.Fill(0, 0, 7, 5, (10, 200, 30));
        raster.Fill(2, 1, 3, 2, (250, 5, 128));

        var png = Png.Encode(raster);
        var back = Png.Decode(png);

        Assert.True(Png.IsPng(png));
        Assert.Equal((7, 5), Png.Size(png));
        Assert.Equal(raster.Pixels, back.Pixels);
    }

    [Fact]
    public void Thumbnail_KeepsProportionAndAveragesColours()
    {
        var raster = new Raster(640, 400);
        raster.Fill(0, 0, 320, 400, (0, 0, 0));
        raster.Fill(320, 0, 320, 400, (200, 100, 50));

        var thumb = Png.Decode(Thumbnails.OfPng(Png.Encode(raster)));

        Assert.Equal((320, 200), (thumb.Width, thumb.Height));
        Assert.Equal(((byte)0, (byte)0, (byte)0), thumb.Get(10, 10));
        Assert.Equal(((byte)200, (byte)100, (byte)50), thumb.Get(300, 150));
        Assert.Same(raster, Thumbnails.Scale(raster, 800));
    }

    [Fact]
    public void Decode_RefusesWhatIsNotAPng()
    {
        Assert.Throws<InvalidDataException>(() => Png.Decode("GIF89a not a png"u8.ToArray()));
        var truncated = Png.Encode(new Raster(4, 4))[..30];
        Assert.Throws<InvalidDataException>(() => Png.Decode(truncated));
        Assert.Null(Png.Size("hello"u8));
    }
}
