using System.Net;
using OpenHealthLive.Web.Tests.Infrastructure;
using StbImageSharp;
using ZXing;
using ZXing.Common;

namespace OpenHealthLive.Web.Tests.Join;

public sealed class QrCodeTests : IDisposable
{
    private readonly OpenHealthLiveFactory _factory = new();

    [Fact]
    public async Task The_served_QR_image_decodes_to_the_join_url_and_that_url_opens_the_audience_page()
    {
        using var client = _factory.CreatePlainClient();
        using var png = await client.GetAsync($"/j/{OpenHealthLiveFactory.DefaultCode}/qr.png");
        Assert.Equal(HttpStatusCode.OK, png.StatusCode);
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);

        var decoded = Decode(await png.Content.ReadAsByteArrayAsync());
        var expected = new Uri(_factory.Server.BaseAddress, $"j/{OpenHealthLiveFactory.DefaultCode}");
        // The QR text is upper-cased so it fits QR's compact alphanumeric mode; URLs here are case-insensitive.
        Assert.Equal(expected.ToString(), decoded, ignoreCase: true);

        using var page = await client.GetAsync(new Uri(decoded).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("id=\"audience\"", html, StringComparison.Ordinal);
        Assert.Contains("Presenting with OpenHealthLive", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_QR_code_is_also_served_as_a_scalable_svg()
    {
        using var client = _factory.CreatePlainClient();
        using var svg = await client.GetAsync($"/j/{OpenHealthLiveFactory.DefaultCode.ToLowerInvariant()}/qr.svg");
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        var text = await svg.Content.ReadAsStringAsync();
        Assert.StartsWith("<svg", text.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("viewBox", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_QR_code_for_an_unknown_session_is_not_found()
    {
        using var client = _factory.CreatePlainClient();
        using var response = await client.GetAsync("/j/ZZZZZZ/qr.png");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_QR_code_carries_the_public_base_url_when_one_is_set()
    {
        using var factory = new OpenHealthLiveFactory();
        factory.Settings["PublicAddress:BaseUrl"] = "https://live.example.org";
        using var client = factory.CreatePlainClient();
        using var png = await client.GetAsync($"/j/{OpenHealthLiveFactory.DefaultCode}/qr.png");
        Assert.Equal($"HTTPS://LIVE.EXAMPLE.ORG/J/{OpenHealthLiveFactory.DefaultCode}", Decode(await png.Content.ReadAsByteArrayAsync()));
    }

    public void Dispose() => _factory.Dispose();

    internal static string Decode(byte[] png)
    {
        var image = ImageResult.FromMemory(png, ColorComponents.RedGreenBlue);
        var source = new RGBLuminanceSource(image.Data, image.Width, image.Height, RGBLuminanceSource.BitmapFormat.RGB24);
        var reader = new ZXing.QrCode.QRCodeReader();
        var result = reader.decode(new BinaryBitmap(new HybridBinarizer(source)), new Dictionary<DecodeHintType, object> { [DecodeHintType.PURE_BARCODE] = false });
        Assert.NotNull(result);
        return result.Text;
    }
}
