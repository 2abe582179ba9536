using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenHealthLive.E2E.Infrastructure;
using OpenHealthLive.E2E.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace OpenHealthLive.E2E.Live;

/// <summary>Phones on bad venue wifi: offline, back again, and on each transport. A server of its own.</summary>
[Collection(nameof(BadWifiTests))]
public sealed class BadWifiTests(BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    // Reconnect attempts back off up to about 12.5 s (10 s with jitter), so one may be just missed.
    private const float ReconnectTimeoutMs = 40_000;

    [Fact]
    public Task An_offline_phone_keeps_its_slide_and_its_question_and_catches_up_when_back() => RunAsync(async devices =>
    {
        await using var server = await AppServer.StartNewAsync();
        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(server.BaseUrl));
        var phone = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(server.BaseUrl), AppServer.DefaultSessionCode);
        await presenter.NextAsync();
        await phone.ExpectSlideAsync(2);
        await phone.Page.EvaluateAsync("window.__e2eSamePage = true");

        await phone.Page.Context.SetOfflineAsync(true);
        await Expect(phone.ConnectionStatus).ToHaveTextAsync(new Regex("Offline|Reconnecting…"));
        // What it saw stays readable.
        await phone.ExpectSlideAsync(2);

        // A question asked offline waits on the phone…
        await phone.Page.GetByRole(AriaRole.Tab, new() { Name = "Questions" }).ClickAsync();
        await phone.Page.GetByLabel("Ask the speaker").FillAsync("Asked in a dead zone: does it arrive once?");
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "Ask", Exact = true }).ClickAsync();
        await Expect(phone.Page.GetByRole(AriaRole.List, new() { Name = "Your questions not on the list" })).ToContainTextAsync("Waiting to send");

        // …while the talk goes on without it.
        await presenter.NextAsync();
        await presenter.ExpectSlideAsync(3);

        await phone.Page.Context.SetOfflineAsync(false);
        await phone.ExpectLiveAsync(ReconnectTimeoutMs);
        await phone.Page.GetByRole(AriaRole.Tab, new() { Name = "Slides" }).ClickAsync();
        await phone.ExpectSlideAsync(3);
        Assert.True(await phone.Page.EvaluateAsync<bool>("window.__e2eSamePage === true"), "The phone reloaded instead of recovering in place.");

        // Delivered exactly once.
        var questions = presenter.Page.GetByRole(AriaRole.List, new() { Name = "All questions" });
        await Expect(questions.GetByText("Asked in a dead zone: does it arrive once?")).ToHaveCountAsync(1, new() { Timeout = ReconnectTimeoutMs });
        await phone.Page.GetByRole(AriaRole.Tab, new() { Name = "Questions" }).ClickAsync();
        await Expect(phone.Page.GetByRole(AriaRole.List, new() { Name = "Questions" }).GetByText("Asked in a dead zone: does it arrive once?")).ToHaveCountAsync(1);
        await Expect(phone.Page.GetByRole(AriaRole.List, new() { Name = "Your questions not on the list" })).ToBeHiddenAsync();
    });

    [Theory]
    [InlineData("websockets")]
    [InlineData("sse")]
    [InlineData("longpolling")]
    public Task A_phone_follows_the_talk_on_each_transport(string transport) => RunAsync(async devices =>
    {
        await using var server = await AppServer.StartNewAsync();
        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(server.BaseUrl));
        var page = await devices.NewPhoneAsync(server.BaseUrl);
        var transportsUsed = new List<string>();
        page.WebSocket += (_, socket) =>
        {
            if (socket.Url.Contains("/hubs/live", StringComparison.Ordinal))
            {
                lock (transportsUsed)
                {
                    transportsUsed.Add("websocket");
                }
            }
        };
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/hubs/live", StringComparison.Ordinal) && !request.Url.Contains("negotiate", StringComparison.Ordinal))
            {
                lock (transportsUsed)
                {
                    transportsUsed.Add(request.ResourceType);
                }
            }
        };
        await page.GotoAsync($"/j/{AppServer.DefaultSessionCode}?transport={transport}");
        var phone = new AudiencePage(page);
        await phone.ExpectLiveAsync();

        await presenter.NextAsync();
        await phone.ExpectSlideAsync(2);
        await presenter.NextAsync();
        await phone.ExpectSlideAsync(3);

        // Joining later on this transport lands on the current slide too.
        var late = await devices.NewPhoneAsync(server.BaseUrl, "late");
        await late.GotoAsync($"/j/{AppServer.DefaultSessionCode}?transport={transport}");
        await new AudiencePage(late).ExpectSlideAsync(3);

        lock (transportsUsed)
        {
            var expected = transport switch { "websockets" => "websocket", "sse" => "eventsource", _ => "fetch" };
            Assert.Contains(expected, transportsUsed);
            if (transport != "websockets")
            {
                Assert.DoesNotContain("websocket", transportsUsed);
            }
        }
    });

    [Fact]
    public Task Over_https_or_localhost_a_phone_reloaded_offline_still_shows_the_talk_from_its_service_worker() => RunAsync(async devices =>
    {
        await using var server = await AppServer.StartNewAsync();
        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(server.BaseUrl));
        await presenter.NextAsync();
        var page = await devices.NewPhoneAsync(server.BaseUrl);
        var phone = await AudiencePage.OpenAsync(page, AppServer.DefaultSessionCode);
        await phone.ExpectSlideAsync(2);
        // 127.0.0.1 is a secure context: the service worker installs and takes control after a reload.
        await page.EvaluateAsync("navigator.serviceWorker.ready");
        await page.ReloadAsync();
        await phone.ExpectLiveAsync();
        Assert.True(await page.EvaluateAsync<bool>("navigator.serviceWorker.controller !== null"), "No service worker controls the page.");
        await presenter.NextAsync();
        await phone.ExpectSlideAsync(3);

        await page.Context.SetOfflineAsync(true);
        await page.ReloadAsync();
        // Served by the service worker; the page's own copy is older, what the phone last showed is kept.
        await phone.ExpectSlideAsync(3);
        await Expect(phone.ConnectionStatus).ToHaveTextAsync(new Regex("Offline|Reconnecting…|Connecting…"));
        await Expect(page.Locator("#offline-note")).ToBeVisibleAsync();
    });
}
