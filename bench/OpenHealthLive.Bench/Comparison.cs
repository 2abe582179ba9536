using System.Globalization;
using System.Text;

namespace OpenHealthLive.Bench;

/// <summary>
/// Ours against the relay, one line per size: the median over runs of each figure, and the p95 and p99 ratios
/// as the median of each pair's ratio (a pair ran back to back, so the machine's mood hit both alike).
/// </summary>
internal static class Comparison
{
    private const string Ours = "OpenHealthLive";

    public static string Markdown(IReadOnlyList<Fanout.Result> runs)
    {
        var table = new StringBuilder("| Phones | Runs | Ours p50 / p95 / p99 / max ms | Relay p50 / p95 / p99 / max ms | p95 ratio | p99 ratio | Last phone ms, ours / relay | Within 1 s, ours / relay | Server CPU ms per change, fan-out / in all (ours, relay) | KB/phone, ours / relay |\n|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (var size in runs.Select(r => r.Phones).Distinct())
        {
            var ours = runs.Where(r => r.Phones == size && r.Server == Ours).ToList();
            var relay = runs.Where(r => r.Phones == size && r.Server != Ours).ToList();
            var pairs = ours.Zip(relay).ToList();
            table.Append(CultureInfo.InvariantCulture,
                $"| {size:N0} | {pairs.Count} | {Four(ours)} | {Four(relay)} | **{Median(pairs.Select(p => p.First.P95Ms / p.Second.P95Ms)):0.00}** | {Median(pairs.Select(p => p.First.P99Ms / p.Second.P99Ms)):0.00} | " +
                $"{Fanout.Ms(Median(ours.Select(r => r.LastPhoneMedianMs)))} / {Fanout.Ms(Median(relay.Select(r => r.LastPhoneMedianMs)))} | " +
                $"{Median(ours.Select(r => r.WithinOneSecond)):P1} / {Median(relay.Select(r => r.WithinOneSecond)):P1} | " +
                $"{Median(ours.Select(r => r.ServerFanoutCpuMsPerChange)):0} / {Median(ours.Select(r => r.ServerCpuMsPerChange)):0}, {Median(relay.Select(r => r.ServerFanoutCpuMsPerChange)):0} / {Median(relay.Select(r => r.ServerCpuMsPerChange)):0} | " +
                $"{Median(ours.Select(r => r.BytesPerPhone)) / 1024:0.0} / {Median(relay.Select(r => r.BytesPerPhone)) / 1024:0.0} |\n");
        }

        return table.ToString();
    }

    private static string Four(List<Fanout.Result> runs) =>
        $"{Fanout.Ms(Median(runs.Select(r => r.P50Ms)))} / {Fanout.Ms(Median(runs.Select(r => r.P95Ms)))} / {Fanout.Ms(Median(runs.Select(r => r.P99Ms)))} / {Fanout.Ms(Median(runs.Select(r => r.MaxMs)))}";

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
