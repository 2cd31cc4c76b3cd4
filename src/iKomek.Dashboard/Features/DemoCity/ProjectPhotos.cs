using IKomek.Dashboard.Platform.Images;

namespace IKomek.Dashboard.Features.DemoCity;

internal sealed record PhotoRow(int Id, int ProjectId, DateOnly TakenOn, string Caption, int Width, int Height, byte[] Image, byte[] Thumbnail,
    DateTime UploadedAtUtc, string UploadedBy);

/// <summary>
/// The demo city's site photos: simple pictures drawn in code (sky, ground, the group's silhouette growing
/// from photo to photo, the project's code in the corner), a few kilobytes each as PNG, with their thumbnails.
/// </summary>
internal static class ProjectPhotos
{
    public const int Width = 640;
    public const int Height = 400;

    private static readonly (byte, byte, byte) Ground = (118, 104, 84);
    private static readonly (byte, byte, byte) Concrete = (176, 176, 170);
    private static readonly (byte, byte, byte) Window = (70, 96, 128);
    private static readonly (byte, byte, byte) Asphalt = (64, 66, 70);
    private static readonly (byte, byte, byte) Marking = (236, 236, 230);
    private static readonly (byte, byte, byte) Crane = (230, 170, 30);
    private static readonly (byte, byte, byte) Pipe = (40, 110, 160);
    private static readonly (byte, byte, byte) Leaf = (60, 140, 70);
    private static readonly (byte, byte, byte) Trunk = (100, 70, 40);
    private static readonly (byte, byte, byte) Plate = (20, 24, 32);
    private static readonly (byte, byte, byte) Ink = (255, 255, 255);

    /// <summary>One photo of a project's site at <paramref name="stage"/> (0 = ground broken, 1 = finished).</summary>
    public static Raster Draw(string code, string group, double stage, int variant)
    {
        var picture = new Raster(Width, Height);
        var horizon = 250 + variant % 3 * 10;
        for (var y = 0; y < horizon; y++)
        {
            // A plain sky getting lighter toward the horizon: each row one colour, which PNG packs to almost nothing.
            var t = y / (double)horizon;
            picture.Fill(0, y, Width, 1, ((byte)(110 + 90 * t), (byte)(160 + 70 * t), (byte)(220 + 25 * t)));
        }
        picture.Fill(0, horizon, Width, Height - horizon, Ground);
        stage = Math.Clamp(stage, 0.1, 1);
        switch (group)
        {
            case "roads":
                picture.Fill(0, horizon + 40, Width, 80, Asphalt);
                for (var x = variant * 17 % 60; x < Width * stage; x += 80)
                {
                    picture.Fill(x, horizon + 78, 44, 5, Marking);
                }
                break;
            case "engineering":
                var pipeLength = (int)(Width * stage);
                picture.Fill(0, horizon + 50, pipeLength, 26, Pipe);
                picture.Fill(pipeLength, horizon + 30, Width - pipeLength, 60, Trunk);
                break;
            case "improvement":
                for (var k = 0; k < (int)(3 + 7 * stage); k++)
                {
                    var x = 30 + k * 62 + variant * 9 % 20;
                    picture.Fill(x + 12, horizon - 20, 8, 40, Trunk);
                    picture.Fill(x, horizon - 70, 32, 52, Leaf);
                }
                break;
            default:
                var floors = Math.Max(1, (int)Math.Round((group == "social" ? 4 : 9) * stage));
                var left = 160 + variant * 23 % 80;
                var top = horizon - floors * 22;
                picture.Fill(left, top, 260, floors * 22, Concrete);
                for (var f = 0; f < floors; f++)
                {
                    for (var w = 0; w < 8; w++)
                    {
                        picture.Fill(left + 14 + w * 31, top + 6 + f * 22, 16, 11, Window);
                    }
                }
                if (stage < 1)
                {
                    picture.Fill(left + 290, 40, 10, horizon - 40, Crane);
                    picture.Fill(left + 150, 40, 230, 8, Crane);
                }
                break;
        }
        Label(picture, code);
        return picture;
    }

    /// <summary>The photo as PNG bytes and its thumbnail (<see cref="Thumbnails"/>, as an upload gets).</summary>
    public static (byte[] Image, byte[] Thumbnail) Encode(Raster picture) =>
        (Png.Encode(picture), Png.Encode(Thumbnails.Scale(picture)));

    // The project's code in a 3x5 pixel font, scaled up, on a dark plate in the top-left corner.
    private static void Label(Raster picture, string code)
    {
        const int Scale = 6;
        picture.Fill(8, 8, 16 + code.Length * 4 * Scale, 5 * Scale + 16, Plate);
        for (var c = 0; c < code.Length; c++)
        {
            var glyph = Font.GetValueOrDefault(code[c], "000000000000000");
            for (var i = 0; i < 15; i++)
            {
                if (glyph[i] == '1')
                {
                    picture.Fill(16 + c * 4 * Scale + i % 3 * Scale, 16 + i / 3 * Scale, Scale, Scale, Ink);
                }
            }
        }
    }

    private static readonly Dictionary<char, string> Font = new()
    {
        ['0'] = "111101101101111", ['1'] = "010110010010111", ['2'] = "111001111100111", ['3'] = "111001111001111",
        ['4'] = "101101111001001", ['5'] = "111100111001111", ['6'] = "111100111101111", ['7'] = "111001010010010",
        ['8'] = "111101111101111", ['9'] = "111101111001111", ['-'] = "000000111000000",
        ['C'] = "111100100100111", ['D'] = "110101101101110", ['E'] = "111100111100111", ['I'] = "111010010010111",
        ['M'] = "101111111101101", ['N'] = "110101101101101", ['R'] = "110101110101101", ['S'] = "111100111001111",
    };
}
