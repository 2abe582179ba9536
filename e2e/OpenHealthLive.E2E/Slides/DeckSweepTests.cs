using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenHealthLive.E2E.Infrastructure;
using OpenHealthLive.E2E.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace OpenHealthLive.E2E.Slides;

/// <summary>
/// Every slide of the shipped decks, at every fragment step, on a 1280×720 projector, the presenter console
/// (1280×800) and a 390×844 phone: one test that loops (traps.md: a test per slide per size would cost CI
/// minutes for nothing), reporting every slide that does not fit in one message. A poll's slide is checked once more
/// with the poll's results shown. The talk's Spanish translation is checked on a second phone, whose browser reads Spanish.
/// </summary>
/// <remarks>A server and a collection of its own: it runs beside the live tests, which mostly wait on the network.</remarks>
[Collection(nameof(DeckSweepTests))]
public sealed partial class DeckSweepTests(LiveAppFixture app, BrowserFixture browser) : BrowserTest(browser), IClassFixture<LiveAppFixture>, IClassFixture<BrowserFixture>
{
    // The stage clips what does not fit (overflow: hidden), so cut-off content is found by measuring, not by
    // looking for scroll bars: the slide body and each element in it must lie inside the 16:9 stage box. A
    // fragment just revealed slides in from below, so its animation is let finish first.
    private const string MeasureStage = """
        async (id) => {
          await document.fonts.ready;
          const article = document.getElementById(id);
          await Promise.all([...article.querySelectorAll('img')].map((img) => img.decode().catch(() => null)));
          await Promise.all(article.getAnimations({ subtree: true }).map((a) => a.finished.catch(() => null)));
          const body = article.querySelector('.slide-body');
          if (!body) return ['no .slide-body'];
          const stage = article.closest('.stage').getBoundingClientRect();
          const problems = [];
          if (body.scrollHeight > body.clientHeight + 1) problems.push(`the slide body overflows itself (scrollHeight ${body.scrollHeight} > clientHeight ${body.clientHeight})`);
          const reported = new Set();
          const describe = (el) => {
            const classes = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : '';
            const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50);
            return `<${el.tagName.toLowerCase()}${classes}>` + (text ? ` “${text}”` : '');
          };
          for (const el of [body, ...body.querySelectorAll('*')]) {
            const r = el.getBoundingClientRect();
            if (r.width === 0 && r.height === 0) continue;
            const out = [];
            if (r.bottom > stage.bottom + 1) out.push(`${Math.round(r.bottom - stage.bottom)}px below`);
            if (r.right > stage.right + 1) out.push(`${Math.round(r.right - stage.right)}px to the right`);
            if (r.top < stage.top - 1) out.push(`${Math.round(stage.top - r.top)}px above`);
            if (r.left < stage.left - 1) out.push(`${Math.round(stage.left - r.left)}px to the left`);
            if (out.length === 0) continue;
            let ancestor = el.parentElement;
            while (ancestor && !reported.has(ancestor)) ancestor = ancestor.parentElement;
            reported.add(el);
            if (!ancestor && problems.length < 6) problems.push(`${describe(el)} extends ${out.join(', ')} the stage`);
          }
          return problems;
        }
        """;

    // The phone must never scroll sideways; wide tables and code scroll inside themselves.
    private const string MeasurePhone = """
        async () => {
          await document.fonts.ready;
          const slide = document.getElementById('slide');
          await Promise.all([...slide.querySelectorAll('img')].map((img) => img.decode().catch(() => null)));
          await Promise.all(slide.getAnimations({ subtree: true }).map((a) => a.finished.catch(() => null)));
          const root = document.documentElement;
          const problems = [];
          if (root.scrollWidth > root.clientWidth) {
            problems.push(`the page scrolls sideways (scrollWidth ${root.scrollWidth} > clientWidth ${root.clientWidth})`);
            const scrollsInside = (el) => {
              for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
                const style = getComputedStyle(a);
                if (['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX)) return true;
              }
              return false;
            };
            for (const el of slide.querySelectorAll('*')) {
              if (problems.length > 4) break;
              const r = el.getBoundingClientRect();
              if (r.right > root.clientWidth + 1 && !scrollsInside(el)) {
                problems.push(`<${el.tagName.toLowerCase()}> “${(el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50)}” reaches ${Math.round(r.right)}px`);
              }
            }
          }
          // A table cell never splits a word across lines (a column squeezed below its longest word);
          // a break after a hyphen or a slash is fine.
          for (const cell of slide.querySelectorAll('th, td')) {
            const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              for (const word of node.data.matchAll(/[^\s\-\u2010-\u2014/]+/g)) {
                const range = document.createRange();
                range.setStart(node, word.index);
                range.setEnd(node, word.index + word[0].length);
                const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
                if (lines.size > 1 && problems.length < 8) problems.push(`the word “${word[0]}” in a table cell is split across ${lines.size} lines`);
              }
            }
          }
          return { slidesShown: !document.getElementById('slides-panel').hidden, problems };
        }
        """;

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    private AppServer Server => app.Server;

    [Fact]
    public Task Every_slide_of_the_shipped_decks_fits_the_projector_the_console_and_the_phone_at_every_step() => RunAsync(async devices =>
    {
        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(Server.BaseUrl));
        var projectorPage = await devices.NewDesktopAsync(Server.BaseUrl, "projector", 1280, 720);
        await PresenterPage.SignInAsync(projectorPage);
        var phonePage = await devices.NewPhoneAsync(Server.BaseUrl);
        var spanishContext = await devices.NewContextAsync("phone-es", new()
        {
            BaseURL = Server.BaseUrl.ToString(),
            ViewportSize = new() { Width = 390, Height = 844 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
            Locale = "es-MX",
        });
        var spanishPage = await spanishContext.NewPageAsync();
        var failures = new List<string>();
        var visited = 0;

        foreach (var deck in new[] { GettingStartedDeck.Slug, TalkDeck.Slug })
        {
            var code = await presenter.StartSessionAsync(deck);
            var projector = await ProjectorPage.OpenAsync(projectorPage, code);
            var phone = await AudiencePage.OpenAsync(phonePage, code);
            var spanish = deck == TalkDeck.Slug ? await AudiencePage.OpenAsync(spanishPage, code) : null;
            var slides = await SlidesOfAsync(presenter);
            Assert.NotEmpty(slides);

            for (var index = 0; index < slides.Count; index++)
            {
                for (var fragment = 0; fragment <= slides[index].Fragments; fragment++)
                {
                    if (index > 0 || fragment > 0)
                    {
                        await presenter.NextAsync();
                    }

                    var version = await ExpectPresenterAtAsync(presenter, index, fragment);
                    // Versions only grow, so a view that has this one shows this very step.
                    await Expect(projector.Main).ToHaveAttributeAsync("data-version", version);
                    await Expect(phone.Page.Locator("#audience")).ToHaveAttributeAsync("data-version", version);

                    var problems = new List<string>();
                    problems.AddRange((await projectorPage.EvaluateAsync<string[]>(MeasureStage, "projector-slide")).Select(p => "projector 1280×720: " + p));
                    // The console's "Now showing" is the same stage, smaller, with the fragments still to come dimmed.
                    problems.AddRange((await presenter.Page.EvaluateAsync<string[]>(MeasureStage, "current-slide")).Select(p => "presenter console, Now showing: " + p));
                    problems.AddRange((await MeasurePhoneAsync(phone)).Select(p => "phone 390×844: " + p));
                    if (spanish is not null)
                    {
                        await Expect(spanish.Page.Locator("#audience")).ToHaveAttributeAsync("data-version", version);
                        await Expect(spanish.Page.Locator("html")).ToHaveAttributeAsync("lang", "es");
                        problems.AddRange((await MeasurePhoneAsync(spanish)).Select(p => "phone 390×844 in Spanish: " + p));
                    }

                    visited++;
                    var step = slides[index].Fragments > 0 ? string.Create(CultureInfo.InvariantCulture, $", step {fragment} of {slides[index].Fragments}") : string.Empty;
                    Report(failures, $"{deck} slide {index + 1} “{slides[index].Title}”{step}", problems);

                    // A poll's slide also has to hold the poll's results, which replace its card's list once shown.
                    if (fragment == slides[index].Fragments && await projector.PollCard.CountAsync() > 0)
                    {
                        Report(failures, $"{deck} slide {index + 1} “{slides[index].Title}” with the poll's results shown", await ShowResultsAndMeasureAsync(presenter, projector, phone));
                    }
                }
            }
        }

        Assert.True(visited >= GettingStartedDeck.SlideCount + TalkDeck.SlideCount, $"Only {visited} steps were checked.");
        Assert.True(failures.Count == 0, $"{failures.Count} slide step(s) do not fit:{Environment.NewLine}" + string.Join(Environment.NewLine, failures));
    });

    private static void Report(List<string> failures, string where, IReadOnlyCollection<string> problems)
    {
        if (problems.Count > 0)
        {
            failures.Add($"{where}:{Environment.NewLine}    " + string.Join(Environment.NewLine + "    ", problems));
        }
    }

    /// <summary>Opens the slide's poll (unless it opened by itself), answers it on the phone, shows the results and measures.</summary>
    private static async Task<IReadOnlyList<string>> ShowResultsAndMeasureAsync(PresenterPage presenter, ProjectorPage projector, AudiencePage phone)
    {
        var id = await projector.PollCard.GetAttributeAsync("data-poll-id") ?? throw new InvalidOperationException("A poll card without an id.");
        var entry = presenter.PollById(id);
        var toggle = entry.GetByRole(AriaRole.Button, new() { NameRegex = OpenOrClose() });
        await Expect(toggle).ToBeVisibleAsync();
        if (await toggle.TextContentAsync() == "Open")
        {
            await toggle.ClickAsync();
            await Expect(entry.GetByRole(AriaRole.Button, new() { Name = "Close", Exact = true })).ToBeVisibleAsync();
        }

        await phone.PollTab.ClickAsync();
        await Expect(phone.SendVoteButton).ToBeVisibleAsync();
        await phone.VoteAnyAsync();
        await entry.GetByRole(AriaRole.Button, new() { Name = "Show results", Exact = true }).ClickAsync();
        await Expect(projector.PollCard.Locator(".chart-caption")).ToHaveTextAsync("1 answer");
        await Expect(phone.PollResults).ToBeVisibleAsync();

        var problems = (await projector.Page.EvaluateAsync<string[]>(MeasureStage, "projector-slide")).Select(p => "projector 1280×720: " + p).ToList();
        if (!await phone.Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
        {
            problems.Add("phone 390×844, Poll tab: the page scrolls sideways");
        }

        return problems;
    }

    private static async Task<List<SlideInfo>> SlidesOfAsync(PresenterPage presenter)
    {
        var json = await presenter.Page.EvaluateAsync<string>(
            "() => JSON.stringify([...document.querySelectorAll('#slide-templates template[id^=\"slide-\"]')].map((t) => ({ title: t.dataset.title, fragments: Number(t.dataset.fragments) })))");
        return JsonSerializer.Deserialize<List<SlideInfo>>(json, s_json) ?? [];
    }

    /// <summary>Waits until the console is at (slide, fragment) and returns the position's version.</summary>
    private static async Task<string> ExpectPresenterAtAsync(PresenterPage presenter, int slide, int fragment)
    {
        var root = presenter.Page.Locator("#presenter");
        await Expect(root).ToHaveAttributeAsync("data-slide", slide.ToString(CultureInfo.InvariantCulture));
        await Expect(root).ToHaveAttributeAsync("data-fragment", fragment.ToString(CultureInfo.InvariantCulture));
        return await root.GetAttributeAsync("data-version") ?? throw new InvalidOperationException("The console has no version.");
    }

    private static async Task<IReadOnlyList<string>> MeasurePhoneAsync(AudiencePage phone)
    {
        // A poll that opens with its slide brings the Poll tab to the front; the slide is measured on its own tab.
        for (var attempt = 0; ; attempt++)
        {
            if (await phone.SlidesTab.GetAttributeAsync("aria-selected") != "true")
            {
                await phone.SlidesTab.ClickAsync();
            }

            var measured = await phone.Page.EvaluateAsync<JsonElement>(MeasurePhone);
            if (measured.GetProperty("slidesShown").GetBoolean())
            {
                return measured.GetProperty("problems").EnumerateArray().Select(p => p.GetString() ?? string.Empty).ToList();
            }

            if (attempt == 3)
            {
                throw new InvalidOperationException("The phone's Slides tab does not stay in front.");
            }
        }
    }

    [GeneratedRegex("^(Open|Close)$")]
    private static partial Regex OpenOrClose();

    private sealed record SlideInfo(string Title, int Fragments);
}
