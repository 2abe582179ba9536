using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace OpenHealthLive.Bench;

/// <summary>
/// N phones, each its own device, vote at the same moment in the talk's pillar poll; the counts in the
/// presenter's export must equal exactly what was sent (phone i chooses option i mod 5).
/// </summary>
internal static class PollExactness
{
    private const string PollId = "pillar-most";

    public sealed record Result(int Phones, double ConnectSeconds, double VoteSeconds, double VotesPerSecond, int Acknowledged, int Voters, IReadOnlyList<int> Expected, IReadOnlyList<int> Counted, bool Exact, double P50Ms, double P95Ms, double P99Ms, double ServerCpuSeconds = 0, double HarnessCpuSeconds = 0);

    public static async Task<Result> RunAsync(AppProcess app, int phones)
    {
        var connect = Stopwatch.StartNew();
        var connections = new HubConnection[phones];
        await Parallel.ForEachAsync(Enumerable.Range(0, phones), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, _) =>
            connections[i] = await Clients.PhoneAsync(app.BaseAddress, AppProcess.Code));
        connect.Stop();

        var (presenter, cookie) = await Clients.PresenterAsync(app.BaseAddress, AppProcess.PresenterKey);
        await presenter.InvokeAsync<JsonElement>("OpenPoll", AppProcess.Code, PollId);

        var latencies = new double[phones];
        var acknowledged = 0;
        var start = new TaskCompletionSource();
        var voting = Enumerable.Range(0, phones).Select(async i =>
        {
            await start.Task;
            var began = Stopwatch.GetTimestamp();
            await connections[i].InvokeAsync<JsonElement>("SubmitVote", AppProcess.Code, PollId, $"vote-{i}", new { option = i % 5 });
            latencies[i] = Stopwatch.GetElapsedTime(began).TotalMilliseconds;
            Interlocked.Increment(ref acknowledged);
        }).ToList();
        // CPU time used while voting, server and harness: which side a burst waits on.
        var serverCpu = app.CpuTime();
        var harnessCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        start.SetResult();
        await Task.WhenAll(voting);
        clock.Stop();
        var serverCpuSeconds = (app.CpuTime() - serverCpu).TotalSeconds;
        var harnessCpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - harnessCpu).TotalSeconds;

        using var export = JsonDocument.Parse(await Clients.GetAsync(app.BaseAddress, $"p/{AppProcess.Code}/{PollId}.json", cookie));
        var results = export.RootElement.GetProperty("polls")[0].GetProperty("results");
        var counted = results.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("count").GetInt32()).ToList();
        var expected = Enumerable.Range(0, 5).Select(o => Enumerable.Range(0, phones).Count(i => i % 5 == o)).ToList();

        await presenter.DisposeAsync();
        await Parallel.ForEachAsync(connections, async (c, _) => await c.DisposeAsync());
        var sorted = latencies.Order().ToArray();
        return new Result(phones, connect.Elapsed.TotalSeconds, clock.Elapsed.TotalSeconds, phones / clock.Elapsed.TotalSeconds, acknowledged,
            results.GetProperty("voters").GetInt32(), expected, counted, counted.SequenceEqual(expected) && acknowledged == phones,
            P(sorted, 0.5), P(sorted, 0.95), P(sorted, 0.99), serverCpuSeconds, harnessCpuSeconds);
    }

    public static string Markdown(IReadOnlyList<Result> runs)
    {
        var table = new System.Text.StringBuilder("| Run | Phones | Votes acknowledged | Voters counted | Counts (expected) | Exact | Voting seconds | Votes/s | p50 ms | p95 ms | p99 ms | Server CPU s | Harness CPU s |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (var i = 0; i < runs.Count; i++)
        {
            var r = runs[i];
            table.Append(CultureInfo.InvariantCulture, $"| {i + 1} | {r.Phones} | {r.Acknowledged} | {r.Voters} | {string.Join('/', r.Counted)} ({string.Join('/', r.Expected)}) | {(r.Exact ? "yes" : "NO")} | {r.VoteSeconds:0.00} | {r.VotesPerSecond:0} | {r.P50Ms:0} | {r.P95Ms:0} | {r.P99Ms:0} | {r.ServerCpuSeconds:0.00} | {r.HarnessCpuSeconds:0.00} |\n");
        }

        return table.ToString();
    }

    private static double P(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
