using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;

namespace OpenHealthLive.Bench;

/// <summary>
/// What a phone is sent when it joins a talk whose room has asked a great many questions: the talk gets
/// <c>questions</c> questions of the longest length a phone may send (500 characters), then the real audience page
/// opens in Chromium and every WebSocket frame the hub sends it is counted, from the page opening until the phone is
/// live, its question list is on screen and nothing more has arrived for two seconds. The hub's negotiate answer is
/// counted too; the page's own files are <see cref="BrowserPageWeight"/>'s business.
/// </summary>
internal static class JoinWeight
{
    private const string DebianChromium = "/usr/bin/chromium";

    /// <summary>Limits raised so that seeding is quick; what a joining phone is sent does not depend on them.</summary>
    public static readonly string[] SeedLimits =
    [
        "--AudienceLimits:QuestionsPerDevicePerMinute=600", "--AudienceLimits:QuestionsPerIpPerMinute=100000", "--AudienceLimits:WritesPerIpPerMinute=1000000",
        "--Questions:MaxPerSession=100000", "--Questions:MaxPerDevice=10000",
    ];

    public sealed record Message(string Kind, int Bytes);

    public sealed record Result(int QuestionsInTalk, int QuestionsListed, long NegotiateBytes, int Frames, long FrameBytes, IReadOnlyList<Message> Largest)
    {
        public long TotalBytes => NegotiateBytes + FrameBytes;
    }

    /// <summary>Posts <paramref name="count"/> questions of 500 characters from phones of 100 questions each.</summary>
    public static async Task SeedAsync(Uri baseAddress, string code, int count)
    {
        const int perPhone = 100;
        var phones = (count + perPhone - 1) / perPhone;
        await Parallel.ForEachAsync(Enumerable.Range(0, phones), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (p, cancellationToken) =>
        {
            await using var phone = await Clients.PhoneAsync(baseAddress, code);
            for (var q = p * perPhone; q < Math.Min(count, (p + 1) * perPhone); q++)
            {
                await phone.InvokeAsync<JsonElement>("AskQuestion", code, $"seed-{q}", LongQuestion(q), null, cancellationToken);
            }
        });
    }

    /// <summary>A question of exactly 500 characters, plain words (nothing the patient-data guard would hold).</summary>
    public static string LongQuestion(int index)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Question {index}: ");
        const string words = "how will hospitals share the open tools they build with each other and keep them safe and maintained over many years ";
        while (text.Length < 500)
        {
            text.Append(words);
        }

        return text.ToString(0, 500);
    }

    public static async Task<Result> MeasureAsync(Uri baseAddress, string code, int questionsInTalk)
    {
        using var playwright = await Playwright.CreateAsync();
        var executable = Environment.GetEnvironmentVariable("PLAYWRIGHT_CHROMIUM_EXECUTABLE");
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            Headless = true,
            ExecutablePath = string.IsNullOrWhiteSpace(executable) ? DebianChromium : executable,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        var page = await context.NewPageAsync();

        var frames = new ConcurrentQueue<string>();
        var negotiate = 0L;
        page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) => frames.Enqueue(frame.Text ?? Encoding.UTF8.GetString(frame.Binary ?? []));
        page.Response += async (_, response) =>
        {
            if (response.Url.Contains("/hubs/live/negotiate", StringComparison.Ordinal))
            {
                Interlocked.Add(ref negotiate, (await response.BodyAsync()).LongLength);
            }
        };

        await page.GotoAsync(new Uri(baseAddress, $"j/{code}").ToString());
        await page.WaitForSelectorAsync("#live-status[data-state='live']", new() { State = WaitForSelectorState.Attached });
        await page.GetByRole(AriaRole.Tab, new() { Name = "Questions" }).ClickAsync();
        if (questionsInTalk > 0)
        {
            await page.WaitForSelectorAsync("#question-list li", new() { State = WaitForSelectorState.Attached });
        }

        // Quiet: no frame for two seconds (pings every 15 s are not part of joining).
        for (var count = -1; frames.Count != count;)
        {
            count = frames.Count;
            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        var listed = await page.Locator("#question-list > li").CountAsync();
        var messages = frames.SelectMany(f => f.Split('\u001e', StringSplitOptions.RemoveEmptyEntries)).Select(m => new Message(Kind(m), Encoding.UTF8.GetByteCount(m) + 1)).ToList();
        return new Result(questionsInTalk, listed, negotiate, messages.Count, frames.Sum(f => (long)Encoding.UTF8.GetByteCount(f)),
            messages.OrderByDescending(m => m.Bytes).Take(6).ToList());
    }

    public static string Markdown(IReadOnlyList<Result> results)
    {
        var table = new StringBuilder("| Questions in the talk | Listed on the phone | Negotiate (bytes) | Hub messages | Hub bytes | Total sent on join | Largest messages |\n|---|---|---|---|---|---|---|\n");
        foreach (var r in results)
        {
            table.Append(CultureInfo.InvariantCulture,
                $"| {r.QuestionsInTalk:N0} | {r.QuestionsListed} | {r.NegotiateBytes:N0} | {r.Frames} | {r.FrameBytes:N0} | **{r.TotalBytes:N0}** ({r.TotalBytes / 1024.0:0.0} KB) | {string.Join(", ", r.Largest.Select(m => $"{m.Kind} {m.Bytes:N0}"))} |\n");
        }

        return table.ToString();
    }

    /// <summary>What a hub message is, for the table: a completion (the answer to a call) or the method pushed.</summary>
    private static string Kind(string message)
    {
        using var json = JsonDocument.Parse(message);
        var root = json.RootElement;
        if (root.TryGetProperty("target", out var target))
        {
            return target.GetString() ?? "?";
        }

        if (root.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.Object)
        {
            return "answer {" + string.Join(",", result.EnumerateObject().Take(2).Select(p => p.Name)) + "…}";
        }

        return root.TryGetProperty("type", out var type) ? $"type {type.GetInt32()}" : "handshake";
    }
}
