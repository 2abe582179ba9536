using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.SignalR.Client;

namespace OpenHealthLive.Bench;

/// <summary>
/// Slide fan-out: N phones follow a talk, the presenter makes R slide changes, and the harness measures how long
/// each change takes to reach each phone. The same load generator drives OpenHealthLive (SignalR, phones as the
/// audience page connects) and the socket.io relay (the reveal.js multiplex design), with the same payloads.
/// </summary>
internal static class Fanout
{
    /// <summary>How a fan-out run goes.</summary>
    /// <param name="Phones">Phones following.</param>
    /// <param name="Changes">Slide changes measured.</param>
    /// <param name="Warmup">Changes made first and not measured (the server's code is cold).</param>
    /// <param name="Gap">Pause after every phone has a change (or the timeout) before the next one.</param>
    /// <param name="Timeout">How long to wait for every phone to have a change.</param>
    /// <param name="Settle">Wait after the last phone connected before reading memory: long enough for the page's and negotiate's
    /// idle HTTP keep-alive connections to be closed by the server, so that what is left is what an idle phone costs.</param>
    /// <param name="Acknowledge">Phones send AcknowledgeSlide for every version, as the page does (off only to measure what acknowledging costs).</param>
    public sealed record Options(int Phones, int Changes, int Warmup, TimeSpan Gap, TimeSpan Timeout, TimeSpan Settle, bool Acknowledge = true);

    public sealed record Result(
        string Server, int Phones, int Changes, double ConnectSeconds, int ConnectFailures,
        double P50Ms, double P95Ms, double P99Ms, double MaxMs, double LastPhoneMedianMs, double LastPhoneMaxMs, double WithinOneSecond, int Missed,
        double ServerCpuMsPerChange, double ServerFanoutCpuMsPerChange, double HarnessCpuMsPerChange, double ServerIdleCpuMsPerSecond, long ResidentBeforeBytes, long ResidentAfterBytes, double BytesPerPhone, int PayloadBytes);

    /// <summary>OpenHealthLive: the presenter signed in and joined as the console does; phones as the audience page connects.</summary>
    public static async Task<(Result Result, IReadOnlyList<string> Payloads, long BaseVersion)> RunOursAsync(AppProcess app, Options options)
    {
        var (presenter, _) = await Clients.PresenterAsync(app.BaseAddress, AppProcess.PresenterKey);
        var joined = await presenter.InvokeAsync<JsonElement>("JoinAsPresenter", AppProcess.Code);
        var baseVersion = joined.GetProperty("state").GetProperty("version").GetInt64();
        var total = options.Warmup + options.Changes;
        var clock = new DeliveryClock(options.Phones, total, baseVersion);

        var (connections, failures, connectSeconds, before, after, measured) = await ConnectAsync(
            "ours", options, phone => SignalRPhone.JoinAsync(phone, app.BaseAddress, AppProcess.Code, options.Acknowledge, clock.Received, CancellationToken.None), app.SettleAsync, app.ResidentBytes);
        var idle = await IdleCpuAsync(app.CpuTime);

        var payloads = new List<string>();
        var meter = new ChangeCpu(app.CpuTime);
        var harnessCpuPerChange = await MakeChangesAsync(options, clock, meter, async _ =>
            payloads.Add((await presenter.InvokeAsync<JsonElement>("NextStep", AppProcess.Code)).GetRawText()));

        await presenter.DisposeAsync();
        await DisposeAllAsync(connections);

        var stats = clock.Summarize(options.Warmup);
        return (Make("OpenHealthLive", options, connectSeconds, failures, stats, meter, harnessCpuPerChange, idle, before, after, measured,
            OursWireBytes(payloads[options.Warmup + (options.Changes / 2)])), payloads, baseVersion);
    }

    /// <summary>
    /// Makes the warm-up and measured changes: each one timed on the delivery clock from just before
    /// <paramref name="makeChange"/>, then the pause. Returns the harness's own CPU per measured change.
    /// </summary>
    private static async Task<double> MakeChangesAsync(Options options, DeliveryClock clock, ChangeCpu meter, Func<int, Task> makeChange)
    {
        TimeSpan harnessCpu = default;
        for (var change = 0; change < options.Warmup + options.Changes; change++)
        {
            if (change == options.Warmup)
            {
                harnessCpu = Process.GetCurrentProcess().TotalProcessorTime;
            }

            meter.Start(change >= options.Warmup);
            clock.Sent(change);
            await makeChange(change);
            await clock.WaitAsync(change, options.Timeout);
            meter.Delivered();
            await Task.Delay(options.Gap);
            meter.End();
        }

        return (Process.GetCurrentProcess().TotalProcessorTime - harnessCpu).TotalMilliseconds / options.Changes;
    }

    /// <summary>
    /// Connects the phones in two steps: a tenth first (the server's code for a phone is then compiled and its pools
    /// and caches are warm), then the rest. Resident memory is read after each step, each time once the phones' idle
    /// HTTP connections have been closed and a full GC has run, so that the difference divided by the phones of the
    /// second step is what one more idle phone costs, not the server's one-time warm-up.
    /// </summary>
    private static async Task<(T?[] Phones, int Failures, double ConnectSeconds, long Before, long After, int Measured)> ConnectAsync<T>(
        string server, Options options, Func<int, Task<T>> connect, Func<Task> settle, Func<long> residentBytes)
        where T : class
    {
        var phones = new T?[options.Phones];
        var failures = 0;
        var warm = Math.Max(1, options.Phones / 10);
        var connecting = new Stopwatch();
        async Task StepAsync(int from, int count)
        {
            connecting.Start();
            await Parallel.ForEachAsync(Enumerable.Range(from, count), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (phone, _) =>
            {
                try
                {
                    phones[phone] = await connect(phone);
                }
                catch (Exception ex) when (Clients.IsConnectFailure(ex))
                {
                    Interlocked.Increment(ref failures);
                }
            });
            connecting.Stop();
            await Task.Delay(options.Settle);
            await settle();
        }

        await StepAsync(0, warm);
        var before = residentBytes();
        var failedBefore = failures;
        await StepAsync(warm, options.Phones - warm);
        var after = residentBytes();
        await Console.Error.WriteLineAsync(FormattableString.Invariant($"{server}: {options.Phones - failures} of {options.Phones} phones connected in {connecting.Elapsed.TotalSeconds:0.0} s"));
        return (phones, failures, connecting.Elapsed.TotalSeconds, before, after, options.Phones - warm - (failures - failedBefore));
    }

    /// <summary>N phones connect as in a run and stay; the presenter steps every <paramref name="every"/> (never when zero).</summary>
    public static async Task HoldAsync(AppProcess app, int phones, TimeSpan duration, TimeSpan every)
    {
        var (presenter, _) = await Clients.PresenterAsync(app.BaseAddress, AppProcess.PresenterKey);
        await presenter.InvokeAsync<JsonElement>("JoinAsPresenter", AppProcess.Code);
        var connections = new SignalRPhone[phones];
        await Parallel.ForEachAsync(Enumerable.Range(0, phones), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (phone, _) =>
            connections[phone] = await SignalRPhone.JoinAsync(phone, app.BaseAddress, AppProcess.Code, acknowledge: true, (_, _) => { }, CancellationToken.None));
        await Console.Out.WriteLineAsync(FormattableString.Invariant($"{phones} phones connected; holding for {duration.TotalSeconds:0} s"));
        var clock = Stopwatch.StartNew();
        var version = -1L;
        while (clock.Elapsed < duration)
        {
            await Task.Delay(every > TimeSpan.Zero ? every : duration - clock.Elapsed);
            if (every > TimeSpan.Zero)
            {
                // At the end of the deck a step changes nothing: start again from the first slide.
                var before = version;
                version = (await presenter.InvokeAsync<VersionOnly>("NextStep", AppProcess.Code)).Version;
                if (version == before)
                {
                    version = (await presenter.InvokeAsync<VersionOnly>("FirstSlide", AppProcess.Code)).Version;
                }
            }
        }

        await presenter.DisposeAsync();
        await DisposeAllAsync(connections);
    }

    /// <summary>The socket.io relay: a master socket emits the same slide states; the relay broadcasts them to every other socket.</summary>
    public static async Task<Result> RunRelayAsync(RelayProcess relay, Options options, IReadOnlyList<string> payloads, long baseVersion)
    {
        var total = options.Warmup + options.Changes;
        if (payloads.Count < total)
        {
            throw new InvalidOperationException("Run OpenHealthLive first: the relay sends the payloads it sent.");
        }

        var clock = new DeliveryClock(options.Phones, total, baseVersion);
        var secret = Convert.ToHexString(Guid.NewGuid().ToByteArray());
        var socketId = await relay.IdOfAsync(secret);

        var master = await SocketIoPhone.ConnectAsync(-1, relay.BaseAddress, "-", (_, _) => { });

        var (sockets, failures, connectSeconds, before, after, measured) = await ConnectAsync(
            "relay", options, phone => SocketIoPhone.ConnectAsync(phone, relay.BaseAddress, socketId, clock.Received, CancellationToken.None), relay.SettleAsync, relay.ResidentBytes);
        var idle = await IdleCpuAsync(relay.CpuTime);

        var meter = new ChangeCpu(relay.CpuTime);
        var messages = payloads.Take(total).Select(p => new JsonObject { ["secret"] = secret, ["socketId"] = socketId, ["state"] = JsonNode.Parse(p) }.ToJsonString()).ToList();
        var harnessCpuPerChange = await MakeChangesAsync(options, clock, meter, change => master.EmitAsync("multiplex-statechanged", messages[change]));

        await master.DisposeAsync();
        await DisposeAllAsync(sockets);

        var stats = clock.Summarize(options.Warmup);
        return Make("socket.io relay", options, connectSeconds, failures, stats, meter, harnessCpuPerChange, idle, before, after, measured,
            RelayWireBytes(payloads[options.Warmup + (options.Changes / 2)], socketId));
    }

    public static string Markdown(IReadOnlyList<Result> runs)
    {
        var table = new System.Text.StringBuilder("| Run | Server | Phones | Connect s | p50 ms | p95 ms | p99 ms | max ms | Last phone ms (median / worst) | Within 1 s | Missed | Server CPU ms/change (fan-out / in all) | Harness CPU ms/change | Server idle CPU ms/s | KB/phone | Payload bytes |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (var i = 0; i < runs.Count; i++)
        {
            var r = runs[i];
            table.Append(CultureInfo.InvariantCulture, $"| {i + 1} | {r.Server} | {r.Phones}{(r.ConnectFailures > 0 ? $" ({r.ConnectFailures} failed)" : string.Empty)} | {r.ConnectSeconds:0.0} | {Ms(r.P50Ms)} | {Ms(r.P95Ms)} | {Ms(r.P99Ms)} | {Ms(r.MaxMs)} | {Ms(r.LastPhoneMedianMs)} / {Ms(r.LastPhoneMaxMs)} | {r.WithinOneSecond:P2} | {r.Missed} | {r.ServerFanoutCpuMsPerChange:0.0} / {r.ServerCpuMsPerChange:0.0} | {r.HarnessCpuMsPerChange:0.0} | {r.ServerIdleCpuMsPerSecond:0.0} | {r.BytesPerPhone / 1024:0.0} | {r.PayloadBytes} |\n");
        }

        return table.ToString();
    }

    public static string Ms(double ms) => double.IsPositiveInfinity(ms) ? "never" : ms.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>
    /// A server's CPU time for the measured changes: in all, from the change being sent to the end of the pause after
    /// it (acknowledgements and the idle pause included); and during the fan-out alone (from the change being sent
    /// until the last phone has it).
    /// </summary>
    private sealed class ChangeCpu(Func<TimeSpan> cpu)
    {
        private TimeSpan _total;
        private TimeSpan _fanout;
        private TimeSpan _startCpu;
        private bool _measuring;
        private int _changes;

        public double PerChangeMs => _changes == 0 ? 0 : _total.TotalMilliseconds / _changes;

        public double FanoutPerChangeMs => _changes == 0 ? 0 : _fanout.TotalMilliseconds / _changes;

        public void Start(bool measuring)
        {
            _measuring = measuring;
            _startCpu = cpu();
        }

        public void Delivered()
        {
            if (_measuring)
            {
                _fanout += cpu() - _startCpu;
            }
        }

        public void End()
        {
            if (_measuring)
            {
                _total += cpu() - _startCpu;
                _changes++;
            }
        }
    }

    /// <summary>CPU the server spends per second with every phone connected and nothing happening (keep-alives, timers).</summary>
    private static async Task<double> IdleCpuAsync(Func<TimeSpan> cpu)
    {
        var start = cpu();
        await Task.Delay(TimeSpan.FromSeconds(5));
        return (cpu() - start).TotalMilliseconds / 5;
    }

    private static Result Make(string server, Options options, double connectSeconds, int failures, DelayStats stats, ChangeCpu serverCpu, double harnessCpu, double idle, long before, long after, int connected, int payloadBytes) =>
        new(server, options.Phones, options.Changes, connectSeconds, failures,
            stats.P50Ms, stats.P95Ms, stats.P99Ms, stats.MaxMs, stats.LastPhoneMedianMs, stats.LastPhoneMaxMs, stats.WithinOneSecond, stats.Missed,
            serverCpu.PerChangeMs, serverCpu.FanoutPerChangeMs, harnessCpu, idle, before, after, connected == 0 ? 0 : (after - before) / (double)connected, payloadBytes);

    /// <summary>The SignalR frame of a SlideChanged message: the state as the server serialised it, in an invocation.</summary>
    private static int OursWireBytes(string state) => System.Text.Encoding.UTF8.GetByteCount($"{{\"type\":1,\"target\":\"SlideChanged\",\"arguments\":[{state}]}}\u001e");

    /// <summary>The socket.io frame the relay sends: Node's JSON.stringify escapes no HTML characters.</summary>
    private static int RelayWireBytes(string state, string socketId)
    {
        var relaxed = new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var message = new JsonObject { ["secret"] = null, ["socketId"] = socketId, ["state"] = JsonNode.Parse(state) }.ToJsonString(relaxed);
        return System.Text.Encoding.UTF8.GetByteCount($"42[\"{socketId}\",{message}]");
    }

    private static Task DisposeAllAsync(IEnumerable<WirePhone?> phones) =>
        Parallel.ForEachAsync(phones, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (phone, _) =>
        {
            if (phone is not null)
            {
                await phone.DisposeAsync();
            }
        });

    private static void Forget(Task task) => task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    internal sealed record VersionOnly([property: JsonPropertyName("version")] long Version);

    private sealed record RelayMessage([property: JsonPropertyName("state")] VersionOnly State);
}
