using System.Text.RegularExpressions;
using OpenHealthLive.E2E.Infrastructure;
using OpenHealthLive.E2E.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace OpenHealthLive.E2E.Join;

[Collection(LiveAppCollectionDefinition.Name)]
public sealed class JoinFlowTests(LiveAppFixture app, BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    private const string UnknownCode = "ZZZZ22";

    private AppServer Server => app.Server;

    [Fact]
    public Task A_code_typed_in_lower_case_on_the_home_page_joins_the_talk() => RunAsync(async devices =>
    {
        var home = await HomePage.OpenAsync(await devices.NewPhoneAsync(Server.BaseUrl));
        await home.JoinAsync(AppServer.DefaultSessionCode.ToLowerInvariant());

        await Expect(home.Page).ToHaveURLAsync(Server.Url($"j/{AppServer.DefaultSessionCode}").ToString());
        var audience = new AudiencePage(home.Page);
        await audience.ExpectLiveAsync();
        await Expect(audience.SlideHeading).ToBeVisibleAsync();
        await Expect(audience.Position).ToHaveTextAsync(new Regex($"^Slide \\d of {GettingStartedDeck.SlideCount}$"));
    });

    [Fact]
    public Task An_unknown_code_gets_a_friendly_page_with_status_404() => RunAsync(async devices =>
    {
        var page = await devices.NewPhoneAsync(Server.BaseUrl);

        var response = await page.GotoAsync($"/j/{UnknownCode}");
        Assert.Equal(404, response?.Status);
        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "No talk with this code" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Main)).ToContainTextAsync(UnknownCode);

        // The page offers the form again; the home page answers a wrong code the same way.
        var home = new HomePage(page);
        var again = await home.JoinAsync(UnknownCode.ToLowerInvariant());
        Assert.Equal(404, again.Status);
        await Expect(home.Error).ToContainTextAsync($"No talk is using the code {UnknownCode}");
        await Expect(home.CodeInput).ToHaveAttributeAsync("aria-invalid", "true");
    });

    [Fact]
    public Task The_join_QR_code_on_the_presenter_console_loads() => RunAsync(async devices =>
    {
        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(Server.BaseUrl));

        await Expect(presenter.JoinQrCode).ToBeVisibleAsync();
        await Expect(presenter.JoinQrCode).ToHaveAttributeAsync("alt", $"QR code for {Server.Url($"j/{AppServer.DefaultSessionCode}")}");
        Assert.True(await presenter.JoinQrCode.EvaluateAsync<bool>("img => img.decode().then(() => img.naturalWidth > 0, () => false)"), "The QR image did not load.");
    });

    [Theory]
    [InlineData("/lib/signalr/signalr.min.js", "text/javascript", "HubConnectionBuilder")]
    [InlineData("/css/site.css", "text/css", "Atkinson Hyperlegible")]
    [InlineData("/js/live-connection.js", "text/javascript", "export function connectLive")]
    [InlineData("/js/audience.js", "text/javascript", "JoinSession")]
    [InlineData("/js/presenter.js", "text/javascript", "WatchRoom")]
    [InlineData("/js/live-session.js", "text/javascript", "JoinAsPresenter")]
    [InlineData("/js/projector.js", "text/javascript", "ProjectorChanged")]
    public async Task Static_files_are_served_by_the_test_server(string path, string contentType, string expected)
    {
        // As a browser asks: compressed if possible (an uncompressed-only check would miss the
        // pre-compressed variants, which is where a mis-hosted app answers 200 with an empty body).
        using var http = Server.CreateHttpClient();
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
