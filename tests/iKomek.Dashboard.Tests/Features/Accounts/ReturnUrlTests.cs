using IKomek.Dashboard.Features.Accounts;
using IKomek.Dashboard.Platform.Access;

namespace IKomek.Dashboard.Tests.Features.Accounts;

public sealed class ReturnUrlTests
{
    [Theory]
    [InlineData("/problems/12?period=13", "/problems/12?period=13")]
    [InlineData("/", "/")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("javascript:alert(1)", "/")]
    [InlineData("admin/jobs", "/")]
    [InlineData("/admin\r\nLocation: x", "/")]
    [InlineData("/account/signin?returnUrl=%2F", "/")]
    public void Local_KeepsPathsOfThisPanelOnly(string? url, string expected) => Assert.Equal(expected, ReturnUrl.Local(url));

    [Fact]
    public void SignInFrom_EscapesTheWayBack() =>
        Assert.Equal("account/signin?returnUrl=%2Fappeals%3Fdistrict%3D5", ReturnUrl.SignInFrom("/appeals?district=5"));
}
