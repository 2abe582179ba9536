using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace OpenHealthLive.Bench;

/// <summary>
/// Slide fan-out across nodes: N phones split evenly over the nodes given, the presenter on the first node,
/// R slide changes. Each phone notes when each version reaches it; the delay is from just before the
/// presenter's call to that moment (one clock: the harness). With one node this is the single-node baseline;
/// with two, every change to the second node's phones goes through PostgreSQL and the Redis backplane.
/// </summary>
internal static class ClusterFanout
{
    public sealed record Result(string Layout, int Phones, int Changes, double ConnectSeconds, double P50Ms, double P95Ms, double P99Ms, double MaxMs,
        double FirstNodeP95Ms, double OtherNodesP95Ms, long Missed);

    public static async Task<Result> RunAsync(string layout, IReadOnlyList<AppProcess> nodes, int phones, int changes)
    {
        ArgumentOutOfRangeException.ThrowIfZero(nodes.Count);
        var received = new ConcurrentDictionary<long, long[]>();
        var remaining = new ConcurrentDictionary<long, int>();
        var complete = new ConcurrentDictionary<long, TaskCompletionSource>();
        var connections = new HubConnection[phones];

        var connecting = Stopwatch.StartNew();
        using (var gate = new SemaphoreSlim(64))
        {
            await Task.WhenAll(Enumerable.Range(0, phones).Select(async phone =>
            {
                await gate.WaitAsync();
                try
                {
                    var connection = await Clients.PhoneAsync(nodes[phone % nodes.Count].BaseAddress, AppProcess.Code);
                    connection.On<JsonElement>("SlideChanged", state =>
                    {
                        var now = Stopwatch.GetTimestamp();
                        var version = state.GetProperty("version").GetInt64();
                        if (received.TryGetValue(version, out var times) && Interlocked.CompareExchange(ref times[phone], now, 0) == 0
                            && remaining.AddOrUpdate(version, 0, (_, left) => left - 1) == 0)
                        {
                            complete[version].TrySetResult();
                        }
                    });
                    await connection.InvokeAsync<JsonElement>("JoinSession", AppProcess.Code);
                    connections[phone] = connection;
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        var connectSeconds = connecting.Elapsed.TotalSeconds;
        var (presenter, _) = await Clients.PresenterAsync(nodes[0].BaseAddress, AppProcess.PresenterKey);
        var current = await presenter.InvokeAsync<JsonElement>("JoinAsPresenter", AppProcess.Code);
        var version = current.GetProperty("state").GetProperty("version").GetInt64();

        var delays = new List<double>();
        var firstNode = new List<double>();
        var otherNodes = new List<double>();
        long missed = 0;
        for (var change = 0; change < changes; change++)
        {
            // The next version is known before the call, so a phone that hears of it before the call returns counts.
            var next = version + 1;
            received[next] = new long[phones];
            remaining[next] = phones;
            complete[next] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var sent = Stopwatch.GetTimestamp();
            var state = await presenter.InvokeAsync<JsonElement>(change % 2 == 0 ? "NextStep" : "PreviousStep", AppProcess.Code);
            version = state.GetProperty("version").GetInt64();
            if (version != next)
            {
                throw new InvalidOperationException($"Expected version {next}, the server answered {version}.");
            }

            await Task.WhenAny(complete[next].Task, Task.Delay(TimeSpan.FromSeconds(10)));
            var times = received[next];
            for (var phone = 0; phone < phones; phone++)
            {
                if (times[phone] == 0)
                {
                    missed++;
                    continue;
                }

                var ms = (times[phone] - sent) * 1000.0 / Stopwatch.Frequency;
                delays.Add(ms);
                (phone % nodes.Count == 0 ? firstNode : otherNodes).Add(ms);
            }

            await Task.Delay(500);
        }

        await presenter.DisposeAsync();
        using (var gate = new SemaphoreSlim(256))
        {
            await Task.WhenAll(connections.Where(c => c is not null).Select(async c =>
            {
                await gate.WaitAsync();
                try
                {
                    await c.DisposeAsync();
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        return new Result(layout, phones, changes, connectSeconds, Percentile(delays, 0.50), Percentile(delays, 0.95), Percentile(delays, 0.99), delays.Count == 0 ? double.NaN : delays.Max(),
            Percentile(firstNode, 0.95), Percentile(otherNodes, 0.95), missed);
    }

    public static string Markdown(IReadOnlyList<Result> runs)
    {
        var table = new StringBuilder("| Run | Layout | Phones | Changes | Connect (s) | p50 ms | p95 ms | p99 ms | max ms | p95 presenter's node | p95 other node | Missed |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (var i = 0; i < runs.Count; i++)
        {
            var r = runs[i];
            table.Append(CultureInfo.InvariantCulture, $"| {(i / 2) + 1} | {r.Layout} | {r.Phones} | {r.Changes} | {r.ConnectSeconds:0.0} | {r.P50Ms:0} | {r.P95Ms:0} | {r.P99Ms:0} | {r.MaxMs:0} | {r.FirstNodeP95Ms:0} | {(double.IsNaN(r.OtherNodesP95Ms) ? "–" : r.OtherNodesP95Ms.ToString("0", CultureInfo.InvariantCulture))} | {r.Missed} |\n");
        }

        return table.ToString();
    }

    private static double Percentile(List<double> values, double q)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
    }
}
