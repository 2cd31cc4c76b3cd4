using System.Text;
using IKomek.Dashboard.Features.Projects.Editing;
using IKomek.Dashboard.Tests.Infrastructure;
using static IKomek.Dashboard.Tests.Features.Projects.Editing.EditingFixture;

namespace IKomek.Dashboard.Tests.Features.Projects.Editing;

/// <summary>A project photo's checks by content, its size limit and its thumbnail, on a real database.</summary>
public sealed class PhotoUploadsTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    /// <summary>A real PNG of a colour gradient (8-bit RGB, each row with filter 0).</summary>
    public static byte[] Png(int width, int height)
    {
        var raw = new byte[height * (1 + width * 3)];
        for (int y = 0, o = 0; y < height; y++)
        {
            raw[o++] = 0;
            for (var x = 0; x < width; x++)
            {
                raw[o++] = (byte)(x * 255 / width);
                raw[o++] = (byte)(y * 255 / height);
                raw[o++] = 128;
            }
        }
        return IKomek.Dashboard.Platform.Images.Png.Encode(width, height, 2, raw);
    }

    private async Task<int> ProjectAsync(string code) =>
        (await Editor(city.DataSource).SaveAsync(await ValidAsync(city.DataSource, code), Office)).ProjectId!.Value;

    private PhotoUploads Uploads(long maxBytes = 10 * 1024 * 1024) => new(city.DataSource, TestClock.Create(), new PhotoOptions { MaxBytes = maxBytes });

    [Fact]
    public async Task RealPng_IsStored_WithItsSize_AndAShrunkThumbnail_AndAnAuditEntry()
    {
        var id = await ProjectAsync("ED-PH-1");
        var png = Png(1600, 1200);

        var (photo, error) = await Uploads().AddAsync(id, new MemoryStream(png), "site.png", "Фасад", Office);

        Assert.Null(error);
        var row = Assert.Single(await Uploads().ListAsync(id));
        Assert.Equal((photo!.Value, "image/png", 1600, 1200, png.Length, "Фасад", "project.office"), (row.Id, row.ContentType, row.Width, row.Height, row.Bytes, row.Caption, row.UploadedBy));
        Assert.Equal(new ImageHeader("image/png", 320, 240), UploadImages.ReadHeader(row.Thumbnail));
        Assert.True(row.Thumbnail.Length < png.Length);
        var audit = (await AuditRows.AboutAsync(city.DataSource, "project", "ED-PH-1")).Last();
        Assert.Equal(("project.photo", "project.office", "1600"), (audit.Action, audit.Actor, audit.Detail("Width")));
    }

    [Fact]
    public async Task TextFileNamedJpg_IsRefused_ByItsContent()
    {
        var id = await ProjectAsync("ED-PH-2");

        var (photo, error) = await Uploads().AddAsync(id, new MemoryStream(Encoding.UTF8.GetBytes("not a photo at all")), "site.jpg", "", Office);

        Assert.Null(photo);
        Assert.Equal(("photo", "photoNotImage", "site.jpg"), (error!.Field, error.Code, error.Args[0]));
        Assert.Empty(await Uploads().ListAsync(id));
    }

    [Fact]
    public async Task FileOverTheLimit_IsRefused_BeforeItIsRead_Whole()
    {
        var id = await ProjectAsync("ED-PH-3");

        var (photo, error) = await Uploads(maxBytes: 1000).AddAsync(id, new MemoryStream(Png(400, 400)), "big.png", "", Office);

        Assert.Null(photo);
        Assert.Equal("photoTooLarge", error!.Code);
        Assert.Empty(await Uploads().ListAsync(id));
    }

    [Fact]
    public async Task DeletedPhoto_IsGone_AndTheDeletionIsAudited()
    {
        var id = await ProjectAsync("ED-PH-4");
        var (photo, _) = await Uploads().AddAsync(id, new MemoryStream(Png(10, 10)), "a.png", "", Office);

        Assert.True(await Uploads().DeleteAsync(id, photo!.Value, Office));

        Assert.Empty(await Uploads().ListAsync(id));
        Assert.Equal("photo.delete", (await AuditRows.AboutAsync(city.DataSource, "project", "ED-PH-4")).Last().Detail("op"));
    }

    [Fact]
    public void Headers_GiveTypeAndSize_ForJpegAndWebP_AndNullForOtherBytes()
    {
        // A JPEG: SOI, an APP0 segment, then a baseline frame header of 480 x 640 (height first).
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0xE0, 0x02, 0x80, 0x03, 0, 0, 0, 0, 0, 0];
        Assert.Equal(new ImageHeader("image/jpeg", 640, 480), UploadImages.ReadHeader(jpeg));
        // An extended WebP of 1920 x 1080 (each stored less one, 24 bits little-endian).
        var webp = new byte[30];
        "RIFF"u8.CopyTo(webp);
        "WEBPVP8X"u8.CopyTo(webp.AsSpan(8));
        (webp[24], webp[25], webp[27], webp[28]) = (0x7F, 0x07, 0x37, 0x04);
        Assert.Equal(new ImageHeader("image/webp", 1920, 1080), UploadImages.ReadHeader(webp));
        Assert.Null(UploadImages.ReadHeader("GIF89a............................"u8));
    }

    [Fact]
    public async Task LargeJpeg_IsRefused_WithTheReason_SmallOneIsItsOwnThumbnail()
    {
        var id = await ProjectAsync("ED-PH-5");
        byte[] header = [0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x10, 0x00, 0x20, 0x03, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        var small = header.Concat(new byte[1000]).ToArray();
        var large = header.Concat(new byte[UploadImages.MaxOwnThumbnailBytes]).ToArray();

        Assert.Equal("photoNoThumbnail", (await Uploads().AddAsync(id, new MemoryStream(large), "big.jpg", "", Office)).Error!.Code);
        Assert.Null((await Uploads().AddAsync(id, new MemoryStream(small), "small.jpg", "", Office)).Error);
        var row = Assert.Single(await Uploads().ListAsync(id));
        Assert.Equal(("image/jpeg", 32, 16), (row.ContentType, row.Width, row.Height));
        Assert.Equal(small, row.Thumbnail);
    }
}
