using System.Globalization;
using System.Text;

namespace OpenHealthLive.Bench;

/// <summary>
/// From <c>exec</c> to <c>/readyz</c> on an existing, up-to-date database: the server is started once on a fresh data
/// directory (creating and migrating the database), killed, then started and killed N more times on that database,
/// as a node restarts after a crash. With a second published app (another commit), the two alternate start by start,
/// so that a slow minute on a shared machine hits both.
/// </summary>
internal static class Startup
{
    public sealed record Result(string App, int Start, double Seconds);

    public static async Task<List<Result>> RunAsync(IReadOnlyList<(string Name, Func<Task<AppProcess>> Start)> apps, int starts)
    {
        var results = new List<Result>();
        var running = new List<AppProcess>();
        try
        {
            // The first start creates the database; it is not counted.
            foreach (var (_, start) in apps)
            {
                var app = await start();
                running.Add(app);
                await Task.Delay(TimeSpan.FromSeconds(1));
                await app.KillAsync();
            }

            for (var n = 1; n <= starts; n++)
            {
                for (var i = 0; i < apps.Count; i++)
                {
                    await running[i].StartAsync();
                    results.Add(new Result(apps[i].Name, n, running[i].LastStart.TotalSeconds));
                    await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{apps[i].Name}: start {n}: {running[i].LastStart.TotalSeconds:0.00} s"));
                    // A second of work after ready (background services, the first checkpoint), then killed as a crash would.
                    await Task.Delay(TimeSpan.FromSeconds(1));
                    await running[i].KillAsync();
                }
            }
        }
        finally
        {
            foreach (var app in running)
            {
                await app.DisposeAsync();
            }
        }

        return results;
    }

    public static string Markdown(IReadOnlyList<Result> results, string load)
    {
        var table = new StringBuilder("| App | Starts | exec → /readyz, each (s) | Median s | Min s |\n|---|---|---|---|---|\n");
        foreach (var app in results.GroupBy(r => r.App))
        {
            var seconds = app.Select(r => r.Seconds).ToList();
            table.Append(CultureInfo.InvariantCulture,
                $"| {app.Key} | {seconds.Count} | {string.Join(", ", seconds.Select(s => s.ToString("0.00", CultureInfo.InvariantCulture)))} | **{Median(seconds):0.00}** | {seconds.Min():0.00} |\n");
        }

        table.Append(CultureInfo.InvariantCulture, $"\nLoad average at the end: {load}\n");
        return table.ToString();
    }

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
