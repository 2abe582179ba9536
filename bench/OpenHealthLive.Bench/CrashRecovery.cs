using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace OpenHealthLive.Bench;

/// <summary>
/// kill -9 in the middle of a talk. Phones post questions and vote while the presenter moves on; the server
/// process is killed without warning and started again on the same port and data. Phones behave as the real
/// page does: every post has a client-made id and is retried with that id until acknowledged, and after a
/// reconnect they join again. Then: every acknowledged question and vote must be stored, none twice, and every
/// phone must be back on the current slide soon after the server is ready.
/// </summary>
internal static class CrashRecovery
{
    public sealed record Result(int Phones, int QuestionsAcknowledged, int QuestionsStored, int Lost, int Duplicates, int VotesAcknowledged, int VotersCounted,
        double DownSeconds, double RecoveryP50Seconds, double RecoveryP95Seconds, double RecoveryMaxSeconds, int PhonesRecovered);

    public static async Task<Result> RunAsync(AppProcess app, int phones)
    {
        var (presenter, cookie) = await Clients.PresenterAsync(app.BaseAddress, AppProcess.PresenterKey);
        await presenter.InvokeAsync<JsonElement>("OpenPoll", AppProcess.Code, "pillar-most");
        await presenter.DisposeAsync();

        var acknowledged = new ConcurrentDictionary<string, long>();
        var voted = new ConcurrentDictionary<int, bool>();
        var rejoinedAt = new ConcurrentDictionary<int, long>();
        var expectedVersion = 0L;
        var serverReadyAt = 0L;
        var killedAt = 0L;
        using var stop = new CancellationTokenSource();

        var clients = new List<Task>();
        for (var p = 0; p < phones; p++)
        {
            var phone = p;
            var connection = await Clients.PhoneAsync(app.BaseAddress, AppProcess.Code, reconnect: true);
            connection.Reconnected += async _ =>
            {
                var state = await connection.InvokeAsync<JsonElement>("JoinSession", AppProcess.Code);
                if (Interlocked.Read(ref killedAt) > 0 && state.GetProperty("version").GetInt64() >= Interlocked.Read(ref expectedVersion))
                {
                    rejoinedAt.TryAdd(phone, Stopwatch.GetTimestamp());
                }
            };
            await connection.InvokeAsync<JsonElement>("JoinSession", AppProcess.Code);
            clients.Add(PhoneLoopAsync(connection, phone, acknowledged, voted, stop.Token));
        }

        // The talk goes on for a moment, then the server dies mid-write.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var (mover, _) = await Clients.PresenterAsync(app.BaseAddress, AppProcess.PresenterKey);
        var moved = await mover.InvokeAsync<JsonElement>("GoToSlide", AppProcess.Code, 5, 0);
        Interlocked.Exchange(ref expectedVersion, moved.GetProperty("version").GetInt64());
        await mover.DisposeAsync();
        await Task.Delay(TimeSpan.FromSeconds(1));

        var killed = Stopwatch.GetTimestamp();
        Interlocked.Exchange(ref killedAt, killed);
        await app.KillAsync();
        await Task.Delay(TimeSpan.FromSeconds(1));
        await app.StartAsync();
        Interlocked.Exchange(ref serverReadyAt, Stopwatch.GetTimestamp());
        var down = Stopwatch.GetElapsedTime(killed).TotalSeconds;

        // Phones come back by themselves; give them time, then let them post a little more.
        var deadline = Stopwatch.StartNew();
        while (rejoinedAt.Count < phones && deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        await stop.CancelAsync();
        await Task.WhenAll(clients);

        using var export = JsonDocument.Parse(await Clients.GetAsync(app.BaseAddress, $"presenter/{AppProcess.Code}/questions.json", await Clients.SignInAsync(app.BaseAddress, AppProcess.PresenterKey)));
        var texts = export.RootElement.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("text").GetString()!).ToList();
        using var poll = JsonDocument.Parse(await Clients.GetAsync(app.BaseAddress, $"p/{AppProcess.Code}/pillar-most.json", await Clients.SignInAsync(app.BaseAddress, AppProcess.PresenterKey)));
        var voters = poll.RootElement.GetProperty("polls")[0].GetProperty("results").GetProperty("voters").GetInt32();

        // A phone that got in between the server answering /readyz and the harness noting it counts as 0 s.
        var recoveries = rejoinedAt.Values.Select(t => Math.Max(0, (t - serverReadyAt) / (double)Stopwatch.Frequency)).Order().ToArray();
        double P(double q) => recoveries.Length == 0 ? double.NaN : recoveries[Math.Min(recoveries.Length - 1, (int)Math.Ceiling(q * recoveries.Length) - 1)];
        var stored = texts.ToHashSet(StringComparer.Ordinal);
        return new Result(phones, acknowledged.Count, texts.Count,
            Lost: acknowledged.Keys.Count(text => !stored.Contains(text)),
            Duplicates: texts.Count - stored.Count,
            VotesAcknowledged: voted.Count, VotersCounted: voters,
            down, P(0.5), P(0.95), recoveries.Length == 0 ? double.NaN : recoveries[^1], recoveries.Length);
    }

    /// <summary>One phone: asks a question every ~300 ms and votes once, each retried with its id until acknowledged.</summary>
    private static async Task PhoneLoopAsync(HubConnection connection, int phone, ConcurrentDictionary<string, long> acknowledged, ConcurrentDictionary<int, bool> voted, CancellationToken stop)
    {
        var random = new Random(phone);
        var votedYet = false;
        for (var q = 0; !stop.IsCancellationRequested; q++)
        {
            var text = $"Crash test question {q} from phone {phone}?";
            var clientId = $"crash-{phone}-{q}";
            while (true)
            {
                try
                {
                    var result = await connection.InvokeAsync<JsonElement>("AskQuestion", AppProcess.Code, clientId, text, null, CancellationToken.None);
                    acknowledged[text] = result.GetProperty("questionId").GetInt64();
                    if (!votedYet)
                    {
                        await connection.InvokeAsync<JsonElement>("SubmitVote", AppProcess.Code, "pillar-most", $"crash-vote-{phone}", new { option = phone % 5 }, CancellationToken.None);
                        voted[phone] = true;
                        votedYet = true;
                    }

                    break;
                }
                catch (Exception) when (!stop.IsCancellationRequested)
                {
                    // Lost with the server: the same id goes again once the connection is back.
                    await Task.Delay(200 + random.Next(200), CancellationToken.None);
                }
                catch (Exception)
                {
                    return;
                }
            }

            try
            {
                await Task.Delay(250 + random.Next(100), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public static string Markdown(IReadOnlyList<Result> runs)
    {
        var table = new System.Text.StringBuilder("| Run | Phones | Questions acknowledged | Stored | Lost | Duplicates | Votes acknowledged | Voters counted | Server down (s) | Phones back | Back after ready: p50 / p95 / max (s) |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (var i = 0; i < runs.Count; i++)
        {
            var r = runs[i];
            table.Append(CultureInfo.InvariantCulture, $"| {i + 1} | {r.Phones} | {r.QuestionsAcknowledged} | {r.QuestionsStored} | {r.Lost} | {r.Duplicates} | {r.VotesAcknowledged} | {r.VotersCounted} | {r.DownSeconds:0.0} | {r.PhonesRecovered} of {r.Phones} | {r.RecoveryP50Seconds:0.00} / {r.RecoveryP95Seconds:0.00} / {r.RecoveryMaxSeconds:0.00} |\n");
        }

        return table.ToString();
    }
}
