using System.Text;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;
using OpenHealthLive.Web.Live;
using OpenHealthLive.Web.Questions;
using OpenHealthLive.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OpenHealthLive.Web.Tests.Security;

/// <summary>
/// A refused call is an expected answer, not a fault: one unauthenticated client hammering the hub with calls it
/// may not make must not be able to fill the server's disk with log lines and stack traces.
/// </summary>
public sealed class QuietRefusalTests(ITestOutputHelper output) : IDisposable
{
    private const string Code = OpenHealthLiveFactory.DefaultCode;
    private const int Calls = 200;
    private readonly OpenHealthLiveFactory _factory = new();

    [Fact]
    public async Task Two_hundred_refused_calls_from_one_client_add_a_few_short_log_lines_and_no_stack_trace()
    {
        await using var script = await _factory.ConnectAsync();
        await script.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), Code);
        var before = _factory.Logs.Count;

        for (var call = 0; call < Calls; call++)
        {
            // Three kinds of refusal: not the presenter, a question that cannot be accepted, an unknown code.
            var refused = (call % 3) switch
            {
                0 => Assert.ThrowsAsync<HubException>(() => script.InvokeAsync<PresenterQna>(nameof(LiveHub.GetModerationQueue), Code)),
                1 => Assert.ThrowsAsync<HubException>(() => script.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), Code, $"c{call}", string.Empty, null)),
                _ => Assert.ThrowsAsync<HubException>(() => script.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), "ZZZZZZ")),
            };
            await refused;
        }

        var added = _factory.Logs.Skip(before).ToList();
        var bytes = added.Sum(l => Encoding.UTF8.GetByteCount(l.Message));
        output.WriteLine($"{Calls} refused calls wrote {bytes} bytes of log in {added.Count} lines ({(double)bytes / Calls:0.0} bytes a call):");
        foreach (var line in added)
        {
            output.WriteLine($"  {line.Level}: {line.Message}");
        }

        Assert.DoesNotContain(added, l => l.Message.Contains("   at ", StringComparison.Ordinal));
        Assert.DoesNotContain(added, l => l.Level >= LogLevel.Warning);
        Assert.True(bytes < 2_000, $"{Calls} refused calls wrote {bytes} bytes of log ({added.Count} lines), the first: {added.FirstOrDefault().Message}");
    }

    [Fact]
    public void A_refusal_line_a_minute_later_says_how_many_like_it_were_left_out_and_other_addresses_get_their_own()
    {
        var lines = new System.Collections.Concurrent.ConcurrentQueue<(LogLevel Level, string Category, string Message)>();
        using var logging = LoggerFactory.Create(builder => builder.AddProvider(new CapturingLoggerProvider(lines)).SetMinimumLevel(LogLevel.Information));
        var clock = new StoppedClock();
        var log = new RefusalLog(clock, logging.CreateLogger<RefusalLog>());

        for (var i = 0; i < 4; i++)
        {
            log.Refused("GetModerationQueue", HubRefusal.NotPresenter, $"c{i}", "10.0.0.7");
        }

        log.Refused("GetModerationQueue", HubRefusal.NotPresenter, "other", "10.0.0.8");
        log.Refused("AskQuestion", HubRefusal.NoDevice, "c0", "10.0.0.7");
        clock.Advance(RefusalLog.Interval - TimeSpan.FromSeconds(1));
        log.Refused("GetModerationQueue", HubRefusal.NotPresenter, "c5", "10.0.0.7");
        clock.Advance(TimeSpan.FromSeconds(1));
        log.Refused("GetModerationQueue", HubRefusal.NotPresenter, "c6", "10.0.0.7");

        Assert.Equal(
        [
            "Refused GetModerationQueue (not-presenter) from connection c0",
            "Refused GetModerationQueue (not-presenter) from connection other",
            "Refused AskQuestion (no-device) from connection c0",
            "Refused GetModerationQueue (not-presenter) from connection c6; 4 more like it from the same address in the last minute were not logged",
        ], lines.Select(l => l.Message));
        Assert.DoesNotContain(lines, l => l.Message.Contains("10.0.0.", StringComparison.Ordinal));
    }

    public void Dispose() => _factory.Dispose();
}
