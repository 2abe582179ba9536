using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace OpenHealthLive.Bench;

/// <summary>
/// kill -9 in the middle of a vote storm. N phones vote at the same instant in the pillar poll (phone i chooses option
/// i mod 5), each retrying with the same client id until acknowledged, as the page does. Once a tenth of the votes are
/// acknowledged the server is killed without warning, then started again on the same port and data; phones reconnect
/// and send what was not acknowledged again. Then every phone must be acknowledged once, every acknowledged vote
/// counted, none twice: the export must count exactly N / 5 for each option.
/// </summary>
internal static class VoteStormCrash
{
    private const string PollId = "pillar-most";

    public sealed record Result(int Phones, int AcknowledgedBeforeKill, int AcknowledgedAfterRestart, int Voters, IReadOnlyList<int> Expected, IReadOnlyList<int> Counted,
        bool Exact, double DownSeconds, double StormSeconds);

    public static async Task<Result> RunAsync(AppProcess app, int phones)
    {
        var connections = new HubConnection[phones];
        await Parallel.ForEachAsync(Enumerable.Range(0, phones), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, _) =>
            connections[i] = await Clients.PhoneAsync(app.BaseAddress, AppProcess.Code, reconnect: true));

        var (presenter, _) = await Clients.PresenterAsync(app.BaseAddress, AppProcess.PresenterKey);
        await presenter.InvokeAsync<JsonElement>("OpenPoll", AppProcess.Code, PollId);
        await presenter.DisposeAsync();

        var acknowledged = 0;
        var killed = 0;
        var beforeKill = 0;
        var tenth = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var start = new TaskCompletionSource();
        var voting = Enumerable.Range(0, phones).Select(async i =>
        {
            await start.Task;
            var random = new Random(i);
            while (true)
            {
                try
                {
                    await connections[i].InvokeAsync<JsonElement>("SubmitVote", AppProcess.Code, PollId, $"storm-{i}", new { option = i % 5 });
                    break;
                }
                catch (Exception)
                {
                    // Lost with the server: the same id goes again once the connection is back.
                    await Task.Delay(200 + random.Next(200));
                }
            }

            if (Volatile.Read(ref killed) == 0)
            {
                Interlocked.Increment(ref beforeKill);
            }

            if (Interlocked.Increment(ref acknowledged) >= phones / 10)
            {
                tenth.TrySetResult();
            }
        }).ToList();

        var storm = Stopwatch.StartNew();
        start.SetResult();
        await tenth.Task;
        var killedAt = Stopwatch.GetTimestamp();
        Volatile.Write(ref killed, 1);
        // Taken after the flag: a vote acknowledged in between counts as after the kill, never the other way round.
        await app.KillAsync();
        await Task.Delay(TimeSpan.FromSeconds(1));
        await app.StartAsync();
        var down = Stopwatch.GetElapsedTime(killedAt).TotalSeconds;
        await Task.WhenAll(voting).WaitAsync(TimeSpan.FromMinutes(3));
        storm.Stop();

        var cookie = await Clients.SignInAsync(app.BaseAddress, AppProcess.PresenterKey);
        using var export = JsonDocument.Parse(await Clients.GetAsync(app.BaseAddress, $"p/{AppProcess.Code}/{PollId}.json", cookie));
        var results = export.RootElement.GetProperty("polls")[0].GetProperty("results");
        var counted = results.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("count").GetInt32()).ToList();
        var expected = Enumerable.Range(0, 5).Select(o => Enumerable.Range(0, phones).Count(i => i % 5 == o)).ToList();
        await Parallel.ForEachAsync(connections, async (c, _) => await c.DisposeAsync());
        var voters = results.GetProperty("voters").GetInt32();
        return new Result(phones, beforeKill, acknowledged - beforeKill, voters, expected, counted,
            counted.SequenceEqual(expected) && voters == phones && acknowledged == phones, down, storm.Elapsed.TotalSeconds);
    }

    public static string Markdown(IReadOnlyList<Result> runs)
    {
        var table = new System.Text.StringBuilder("| Run | Phones | Acknowledged before the kill | Acknowledged after the restart | Voters counted | Counts (expected) | Exact, none lost, none twice | Server down (s) | Storm to last acknowledgement (s) |\n|---|---|---|---|---|---|---|---|---|\n");
        for (var i = 0; i < runs.Count; i++)
        {
            var r = runs[i];
            table.Append(CultureInfo.InvariantCulture, $"| {i + 1} | {r.Phones} | {r.AcknowledgedBeforeKill} | {r.AcknowledgedAfterRestart} | {r.Voters} | {string.Join('/', r.Counted)} ({string.Join('/', r.Expected)}) | {(r.Exact ? "yes" : "NO")} | {r.DownSeconds:0.0} | {r.StormSeconds:0.0} |\n");
        }

        return table.ToString();
    }
}
