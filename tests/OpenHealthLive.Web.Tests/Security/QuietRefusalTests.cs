using System.Text;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;
using OpenHealthLive.Web.Live;
using OpenHealthLive.Web.Questions;
using OpenHealthLive.Web.Tests.Infrastructure;

namespace OpenHealthLive.Web.Tests.Security;

/// <summary>
/// A refused call is an expected answer, not a fault: one unauthenticated client hammering the hub with calls it
/// may not make must not be able to fill the server's disk with log lines and stack traces.
/// </summary>
public sealed class QuietRefusalTests : IDisposable
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
        Assert.DoesNotContain(added, l => l.Message.Contains("   at ", StringComparison.Ordinal));
        Assert.DoesNotContain(added, l => l.Level >= LogLevel.Warning);
        Assert.True(bytes < 2_000, $"{Calls} refused calls wrote {bytes} bytes of log ({added.Count} lines), the first: {added.FirstOrDefault().Message}");
    }

    public void Dispose() => _factory.Dispose();
}
