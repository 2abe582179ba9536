using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace OpenHealthLive.Bench;

/// <summary>
/// Join storm: N phones join within a couple of seconds while the presenter moves on once. Restart storm: with N
/// phones connected the server is killed and started again; phones come back as the page does (its backoff,
/// then JoinSession). Both measure the time until every phone shows the current slide.
/// </summary>
internal static class Storms
{
    /// <summary>
    /// P50/P95/All: from the storm's start (join) or from /readyz (restart) until each phone shows the current slide.
    /// Join p50/p95/max: per phone, from its request for the audience page (the QR code's address) to its first slide.
    /// </summary>
    public sealed record Result(string Storm, int Phones, int PhonesOnCurrent, int Failures, double DownSeconds, double P50Seconds, double P95Seconds, double AllSeconds,
        double SpreadSeconds = double.NaN, double JoinP50Seconds = double.NaN, double JoinP95Seconds = double.NaN, double JoinMaxSeconds = double.NaN,
        double RejoinP50Seconds = double.NaN, double RejoinP95Seconds = double.NaN, double RejoinAllSeconds = double.NaN, double MovedSeconds = double.NaN);

    /// <summary>
    /// Phone i starts at i × spread / N (as a room scanning the QR code: the audience page, its device cookie, then the
    /// hub: negotiate, WebSocket, JoinSession); halfway through, the presenter moves on.
    /// </summary>
    public static async Task<Result> JoinAsync(AppProcess app, int phones, TimeSpan spread)
    {
        var (presenter, _) = await Clients.PresenterAsync(app.BaseAddress, AppProcess.PresenterKey);
        await presenter.InvokeAsync<JsonElement>("JoinAsPresenter", AppProcess.Code);
        var shown = new Shown(phones);
        var connections = new SignalRPhone?[phones];
        var failures = 0;
        var joinSeconds = new double[phones];
        var started = Stopwatch.GetTimestamp();
        var joining = Enumerable.Range(0, phones).Select(async phone =>
        {
            await Task.Delay(spread * phone / phones);
            try
            {
                var request = Stopwatch.GetTimestamp();
                connections[phone] = await SignalRPhone.JoinAsync(phone, app.BaseAddress, AppProcess.Code, acknowledge: true, shown.Show);
                joinSeconds[phone] = Stopwatch.GetElapsedTime(request).TotalSeconds;
            }
            catch (Exception ex) when (Clients.IsConnectFailure(ex))
            {
                Interlocked.Increment(ref failures);
            }
        }).ToList();

        await Task.Delay(spread / 2);
        var target = (await presenter.InvokeAsync<Fanout.VersionOnly>("NextStep", AppProcess.Code)).Version;
        await Task.WhenAll(joining);
        await shown.WaitAsync(target, TimeSpan.FromSeconds(30));

        var joined = joinSeconds.Where(j => j > 0).Order().ToList();
        var result = shown.Summarize("Join storm", target, started, failures, 0) with
        {
            SpreadSeconds = spread.TotalSeconds,
            JoinP50Seconds = DeliveryClock.Percentile(joined, 0.5),
            JoinP95Seconds = DeliveryClock.Percentile(joined, 0.95),
            JoinMaxSeconds = joined.Count == 0 ? double.NaN : joined[^1],
        };
        await presenter.DisposeAsync();
        await DisposeAllAsync(connections);
        return result;
    }

    /// <summary>N phones connected as the page connects; kill -9, one second, start again; measured from the server answering /readyz.</summary>
    public static async Task<Result> RestartAsync(AppProcess app, int phones)
    {
        var shown = new Shown(phones);
        var connections = new SignalRPhone?[phones];
        var failures = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, phones), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (phone, _) =>
        {
            try
            {
                var connection = await SignalRPhone.JoinAsync(phone, app.BaseAddress, AppProcess.Code, acknowledge: true, shown.Show, CancellationToken.None);
                connection.ReconnectForever();
                connections[phone] = connection;
            }
            catch (Exception ex) when (Clients.IsConnectFailure(ex))
            {
                Interlocked.Increment(ref failures);
            }
        });

        var (presenter, _) = await Clients.PresenterAsync(app.BaseAddress, AppProcess.PresenterKey);
        var before = (await presenter.InvokeAsync<Fanout.VersionOnly>("NextStep", AppProcess.Code)).Version;
        await presenter.DisposeAsync();
        await shown.WaitAsync(before, TimeSpan.FromSeconds(30));

        // After the restart the presenter moves on once more: a phone is back when it shows that version.
        shown.Reset();
        var killed = Stopwatch.GetTimestamp();
        await app.KillAsync();
        await Task.Delay(TimeSpan.FromSeconds(1));
        await app.StartAsync();
        var ready = Stopwatch.GetTimestamp();
        var down = Stopwatch.GetElapsedTime(killed).TotalSeconds;
        (presenter, _) = await Clients.PresenterAsync(app.BaseAddress, AppProcess.PresenterKey);
        var target = (await presenter.InvokeAsync<Fanout.VersionOnly>("NextStep", AppProcess.Code)).Version;
        var moved = Stopwatch.GetElapsedTime(ready).TotalSeconds;
        await shown.WaitAsync(target, TimeSpan.FromSeconds(60));

        // Back in the room: the phone's JoinSession after the restart was answered (with the slide the talk is on, which
        // the restart did not change). The presenter's move above only proves that changes reach it again; its own
        // sign-in queues behind the phones' reconnections, so "shows the next slide" also counts the presenter's wait.
        var rejoined = connections.Where(c => c is not null && c.ConnectedAt > killed)
            .Select(c => Math.Max(0, (c!.ConnectedAt - ready) / (double)Stopwatch.Frequency)).Order().ToList();
        var result = shown.Summarize("Restart storm", target, ready, failures, down) with
        {
            RejoinP50Seconds = DeliveryClock.Percentile(rejoined, 0.5),
            RejoinP95Seconds = DeliveryClock.Percentile(rejoined, 0.95),
            RejoinAllSeconds = rejoined.Count == phones ? rejoined[^1] : double.NaN,
            MovedSeconds = moved,
        };
        await presenter.DisposeAsync();
        await DisposeAllAsync(connections);
        return result;
    }

    public static string Markdown(IReadOnlyList<Result> runs)
    {
        var table = new System.Text.StringBuilder("| Storm | Phones | Over s | On the current slide | Failed to connect | Server down s | p50 s | p95 s | All s | Page → first slide p50 / p95 / max s | Rejoined after ready p50 / p95 / all s | Presenter's move answered after ready s |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (var r in runs)
        {
            table.Append(CultureInfo.InvariantCulture, $"| {r.Storm} | {r.Phones} | {(double.IsNaN(r.SpreadSeconds) ? "–" : r.SpreadSeconds.ToString("0", CultureInfo.InvariantCulture))} | {r.PhonesOnCurrent} | {r.Failures} | {(r.DownSeconds > 0 ? r.DownSeconds.ToString("0.0", CultureInfo.InvariantCulture) : "–")} | {r.P50Seconds:0.00} | {r.P95Seconds:0.00} | {(r.PhonesOnCurrent == r.Phones ? r.AllSeconds.ToString("0.00", CultureInfo.InvariantCulture) : "not all")} | {(double.IsNaN(r.JoinP50Seconds) ? "–" : string.Create(CultureInfo.InvariantCulture, $"{r.JoinP50Seconds:0.00} / {r.JoinP95Seconds:0.00} / {r.JoinMaxSeconds:0.00}"))} | {(double.IsNaN(r.RejoinP50Seconds) ? "–" : string.Create(CultureInfo.InvariantCulture, $"{r.RejoinP50Seconds:0.00} / {r.RejoinP95Seconds:0.00} / {(double.IsNaN(r.RejoinAllSeconds) ? "not all" : r.RejoinAllSeconds.ToString("0.00", CultureInfo.InvariantCulture))}"))} | {(double.IsNaN(r.MovedSeconds) ? "–" : r.MovedSeconds.ToString("0.00", CultureInfo.InvariantCulture))} |\n");
        }

        return table.ToString();
    }

    private static async Task DisposeAllAsync(SignalRPhone?[] connections) =>
        await Parallel.ForEachAsync(connections, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (c, _) =>
        {
            if (c is not null)
            {
                await c.DisposeAsync();
            }
        });

    /// <summary>Which version each phone shows, and since when.</summary>
    private sealed class Shown(int phones)
    {
        private readonly long[] _version = new long[phones];
        private readonly long[] _since = new long[phones];
        private readonly Lock _lock = new();

        public void Show(int phone, long version)
        {
            lock (_lock)
            {
                if (version > _version[phone])
                {
                    _version[phone] = version;
                    _since[phone] = Stopwatch.GetTimestamp();
                }
            }
        }

        /// <summary>Forgets the times (not the versions): used before a restart, so a phone counts once it shows a newer version.</summary>
        public void Reset()
        {
            lock (_lock)
            {
                Array.Clear(_since);
            }
        }

        public async Task WaitAsync(long version, TimeSpan timeout)
        {
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < timeout)
            {
                lock (_lock)
                {
                    if (_version.All(v => v >= version))
                    {
                        return;
                    }
                }

                await Task.Delay(50);
            }
        }

        public Result Summarize(string storm, long version, long from, int failures, double down)
        {
            List<double> seconds;
            lock (_lock)
            {
                seconds = Enumerable.Range(0, _version.Length).Where(p => _version[p] >= version && _since[p] != 0)
                    .Select(p => Math.Max(0, (_since[p] - from) / (double)Stopwatch.Frequency)).Order().ToList();
            }

            return new Result(storm, _version.Length, seconds.Count, failures, down,
                DelayClockPercentile(seconds, 0.5), DelayClockPercentile(seconds, 0.95), seconds.Count == 0 ? double.NaN : seconds[^1]);
        }

        private static double DelayClockPercentile(List<double> sorted, double p) => DeliveryClock.Percentile(sorted, p);
    }
}
