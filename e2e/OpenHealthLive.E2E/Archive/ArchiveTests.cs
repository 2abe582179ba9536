using System.Collections.Concurrent;
using Microsoft.Playwright;
using OpenHealthLive.E2E.Infrastructure;
using OpenHealthLive.E2E.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace OpenHealthLive.E2E.Archive;

/// <summary>
/// The whole talk in one file, end to end: a short talk (slides shown, a poll voted on and shown, a question answered),
/// the presenter's download from the console and the room's from the phone once the talk has ended, each opened from
/// disk in a fresh browser with the network off: every shown slide, its picture and the poll chart are there, and the
/// file asks for nothing. A server of its own: the test ends its talk.
/// </summary>
[Collection(nameof(ArchiveTests))]
public sealed class ArchiveTests(BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    private const string Features = "Which of these will you use?";
    private const string Question = "Will the slides be online after the talk?";
    private const int ShownSlides = 6;

    [Fact]
    public Task The_downloaded_archive_opened_from_disk_offline_shows_every_shown_slide_and_poll_chart() => RunAsync(async devices =>
    {
        await using var server = await AppServer.StartNewAsync();
        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(server.BaseUrl, "presenter"));
        var code = await presenter.StartSessionAsync(GettingStartedDeck.Slug);
        var phone = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(server.BaseUrl, "phone"), code);
        await Expect(phone.Page.Locator("#archive-link")).ToBeHiddenAsync();

        await phone.AskAsync(Question);
        for (var slide = 2; slide <= ShownSlides; slide++)
        {
            await presenter.NextAsync();
            await presenter.ExpectSlideAsync(slide);
        }

        await presenter.OpenPollAsync(Features);
        // The phone is on its Questions tab, where a poll opening does not pull it away.
        await phone.PollTab.ClickAsync();
        await phone.VoteAsync("Polls", "The print view");
        await Expect(presenter.PollRow(Features, "Polls")).ToContainTextAsync("1 · 100%");
        await presenter.ShowPollResultsAsync(Features);
        await presenter.ModerateAsync(Question, "Mark answered");
        await presenter.EndTalkAsync();

        // The presenter's copy, from the console's link; the room's, from the link the phone shows once the talk has ended.
        var folder = Directory.CreateTempSubdirectory("ohl-archive-").FullName;
        try
        {
            var staff = await presenter.Page.RunAndWaitForDownloadAsync(() => presenter.Page.GetByRole(AriaRole.Link, new() { Name = "Download the whole talk as one file" }).ClickAsync());
            Assert.Matches(@"^getting-started-\d{4}-\d{2}-\d{2}-staff\.html$", staff.SuggestedFilename);
            var staffFile = Path.Combine(folder, staff.SuggestedFilename);
            await staff.SaveAsAsync(staffFile);

            var link = phone.Page.GetByRole(AriaRole.Link, new() { Name = "Take the talk home" });
            await Expect(link).ToBeVisibleAsync();
            var room = await phone.Page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
            Assert.Matches(@"^getting-started-\d{4}-\d{2}-\d{2}\.html$", room.SuggestedFilename);
            var roomFile = Path.Combine(folder, room.SuggestedFilename);
            await room.SaveAsAsync(roomFile);

            foreach (var file in new[] { staffFile, roomFile })
            {
                await ExpectWholeTalkOfflineAsync(devices, file);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    });

    private static async Task ExpectWholeTalkOfflineAsync(Devices devices, string file)
    {
        var context = await devices.NewContextAsync("offline-reader", new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var address = new Uri(file).AbsoluteUri;
        var requests = new ConcurrentQueue<string>();
        context.Request += (_, request) => requests.Enqueue(request.Url);
        await context.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url == address)
            {
                await route.ContinueAsync();
                return;
            }

            requests.Enqueue("routed " + route.Request.Url);
            await route.AbortAsync();
        });
        await context.SetOfflineAsync(true);
        var page = await context.NewPageAsync();
        await page.GotoAsync(address);

        for (var number = 1; number <= ShownSlides; number++)
        {
            var slide = page.Locator($"#slide-{number}");
            await Expect(slide.GetByRole(AriaRole.Article).GetByRole(AriaRole.Heading).First).ToHaveTextAsync(GettingStartedDeck.Heading(number));
            await slide.ScrollIntoViewIfNeededAsync();
            await Expect(slide.GetByRole(AriaRole.Article)).ToBeInViewportAsync();
        }

        for (var number = ShownSlides + 1; number <= GettingStartedDeck.SlideCount; number++)
        {
            await Expect(page.Locator($"#slide-{number}")).ToHaveCountAsync(0);
        }

        // The first slide's picture is in the file, and drawn.
        var picture = page.Locator("#slide-1").GetByRole(AriaRole.Img);
        await picture.ScrollIntoViewIfNeededAsync();
        await Expect(picture).ToBeVisibleAsync();
        Assert.True(await picture.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the first slide's picture did not load from the file");

        // The poll's final chart, with a drawn bar for what was chosen.
        var chart = page.Locator("#results-features-used");
        await chart.ScrollIntoViewIfNeededAsync();
        await Expect(chart).ToBeVisibleAsync();
        await Expect(chart.GetByRole(AriaRole.Heading)).ToHaveTextAsync(Features);
        var polls = chart.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Polls" });
        await Expect(polls).ToContainTextAsync("1 · 100%");
        Assert.True(await polls.Locator(".chart-fill").EvaluateAsync<double>("bar => bar.getBoundingClientRect().width") > 10, "the chart's bar is not drawn");

        await Expect(page.Locator("#questions").GetByRole(AriaRole.Listitem)).ToContainTextAsync(Question);
        Assert.DoesNotContain(requests, url => url != address);
    }
}
