using System.Text.Json;
using OpenHealthLive.Bench;

// dotnet run --project bench/OpenHealthLive.Bench -c Release -- <scenario> [options]
//   qna [--phones 200] [--questions 10] [--votes 40] [--runs 5]   Q&A write throughput against SQLite
//   votes [--phones 5000] [--runs 3]                               N phones vote at once in a poll: exact tally?
//   crash [--phones 50] [--runs 5]                                 kill -9 mid-talk and restart: nothing lost, nothing doubled?
//   vote-crash [--phones 2000] [--runs 3]                          kill -9 during a vote storm: every acknowledged vote counted once?
//   fanout [--phones 1000] [--changes 20] [--runs 1] [--storm 1000] [--restart 5000]
//                                                                  slide fan-out to N phones; join storm; restart storm; memory per phone
//   --storm-seconds 2   the join storm's spread
//   qr-storm [--phones 5000] [--seconds 10] [--runs 1]             N phones scan the QR code over S seconds: page, hub, first slide (0 failures, p95 ≤ 1 s?)
//   compare [--sizes 200,1000,2000,5000,10000] [--runs 5] [--changes 20] [--storm 1000] [--restart 5000]
//                                                                  the same fan-out against the socket.io relay (bench/relay), alternating
//                                                                  runs per size; then the storms and the audience page's weight
//   hold [--phones 1000] [--seconds 60] [--every-ms 0]              N phones follow for a while (attach dotnet-trace to the server)
//   --settle-s 20   seconds between the last phone connecting and reading memory (idle HTTP keep-alives close meanwhile)
//   cluster [--phones 5000] [--changes 20] [--runs 3]              slide fan-out, one node against two (PostgreSQL + Redis), alternating
//   pageweight                                                     the audience page's first load, compressed: in Chromium, and every file it references
//   startup [--starts 5] [--against DIR]…                        exec → /readyz on an existing, up-to-date database; with --against, an app
//                                                                  published elsewhere (dotnet publish -c Release -o DIR at another commit), alternating
//   joinweight [--questions 0,200,2000]                            what the hub sends a phone joining a talk with that many 500-character questions
//   --gap-ms 1200   pause after every phone has a change (phones acknowledge a second after showing it)
//   --acknowledge 0 / --acknowledge-after-ms 0 / --stateful-reconnect 0   phones that do less than the page, to measure what each costs
//   --server-cpus 0   pins the server (and the relay) to CPU 0 (run the harness itself with `taskset -c 1`)
//   --ready-to-run 1|0   the server published all precompiled (ReadyToRun) or none of it; unset, as the project says (start-up libraries only)
//   --retry-every-ms 3000 --retry-ramp 3   the phones' reconnect schedule (0.5, 1, 2 s… for the ramp, then every N ms, ±25 %), to measure a candidate
//   --app DIR   start an app published elsewhere instead of publishing this tree (e.g. a ReadyToRun variant)
//   --server-env NAME=VALUE   an environment variable for the server process (repeatable), e.g. DOTNET_gcServer=1
var arguments = args.ToList();
var scenario = arguments.FirstOrDefault() ?? "help";
int Option(string name, int fallback)
{
    var at = arguments.IndexOf("--" + name);
    return at >= 0 && at + 1 < arguments.Count ? int.Parse(arguments[at + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
}

// Off only to measure what stateful reconnect costs the server; the audience page always asks for it.
SignalRPhone.StatefulReconnect = Option("stateful-reconnect", 1) != 0;
// 1000 as the page does; 0 acknowledges at once, as the page did before (to measure what the wait changes).
SignalRPhone.AcknowledgeAfter = TimeSpan.FromMilliseconds(Option("acknowledge-after-ms", 1000));

AppProcess.ReadyToRun = Option("ready-to-run", -1) switch { 1 => true, 0 => false, _ => null };
// The phones' reconnect schedule, as wwwroot/js/live-connection.js has it unless a candidate is being measured.
Clients.SteadyRetryMs = Option("retry-every-ms", Clients.SteadyRetryMs);
Clients.RampAttempts = Option("retry-ramp", Clients.RampAttempts);

if (arguments.IndexOf("--app") is >= 0 and var appAt && appAt + 1 < arguments.Count)
{
    AppProcess.Published = Path.GetFullPath(arguments[appAt + 1]);
}

var serverCpus = arguments.IndexOf("--server-cpus");
if (serverCpus >= 0 && serverCpus + 1 < arguments.Count)
{
    AppProcess.ServerCpus = arguments[serverCpus + 1];
}

for (var at = arguments.IndexOf("--server-env"); at >= 0 && at + 1 < arguments.Count; at = arguments.IndexOf("--server-env", at + 1))
{
    var pair = arguments[at + 1].Split('=', 2);
    AppProcess.ServerEnvironment[pair[0]] = pair.Length > 1 ? pair[1] : string.Empty;
}

int[] Sizes(string name, int[] fallback)
{
    var at = arguments.IndexOf("--" + name);
    return at >= 0 && at + 1 < arguments.Count
        ? arguments[at + 1].Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToArray()
        : fallback;
}

Fanout.Options FanoutOptions(int phones) => new(phones, Option("changes", 20), Option("warmup", 2), TimeSpan.FromMilliseconds(Option("gap-ms", 1200)), TimeSpan.FromSeconds(10),
    TimeSpan.FromSeconds(Option("settle-s", 20)), Option("acknowledge", 1) != 0);

// Figures may be infinite (a phone that never got a change): written as "Infinity", not refused.
var line = new JsonSerializerOptions { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };
var indented = new JsonSerializerOptions(line) { WriteIndented = true };

var root = FindRepositoryRoot();
var results = Path.Combine(root, "bench", "results");
Directory.CreateDirectory(results);

switch (scenario)
{
    case "qna":
        // The per-phone limits stay on, raised so that the harness measures the writer, not the limiter; the talk's cap
        // of questions too (200 phones x 10 questions is twice the shipped 1,000).
        return await RepeatAsync("qna", Option("runs", 5),
            ["--AudienceLimits:QuestionsPerDevicePerMinute=600", "--AudienceLimits:VotesPerDevicePerMinute=6000", "--AudienceLimits:WritesPerIpPerMinute=1000000", "--AudienceLimits:QuestionsPerIpPerMinute=100000", "--Questions:MaxPerSession=100000"],
            app => QnaThroughput.RunAsync(app, Option("phones", 200), Option("questions", 10), Option("votes", 40)),
            QnaThroughput.Markdown, r => r.Lost == 0 && r.Duplicates == 0);

    case "votes":
        return await RepeatAsync("votes", Option("runs", 3), [], app => PollExactness.RunAsync(app, Option("phones", 5000)), PollExactness.Markdown, r => r.Exact);

    case "crash":
        // Each phone asks every ~300 ms for the whole run: far past the shipped caps, raised here like the rate limits.
        return await RepeatAsync("crash", Option("runs", 5),
            ["--AudienceLimits:QuestionsPerDevicePerMinute=600", "--AudienceLimits:VotesPerDevicePerMinute=6000", "--AudienceLimits:QuestionsPerIpPerMinute=100000", "--Questions:MaxPerDevice=10000", "--Questions:MaxPerSession=100000"],
            app => CrashRecovery.RunAsync(app, Option("phones", 50)),
            CrashRecovery.Markdown, r => r.Lost == 0 && r.Duplicates == 0 && r.VotesAcknowledged <= r.VotersCounted && r.PhonesRecovered == r.Phones);

    case "vote-crash":
        return await RepeatAsync("vote-crash", Option("runs", 3), [], app => VoteStormCrash.RunAsync(app, Option("phones", 2000)), VoteStormCrash.Markdown, r => r.Exact);

    case "fanout":
        {
            await AppProcess.PublishAsync(root);
            var runs = new List<Fanout.Result>();
            for (var run = 0; run < Option("runs", 1); run++)
            {
                await using var app = await AppProcess.StartAsync(root);
                var (result, _, _) = await Fanout.RunOursAsync(app, FanoutOptions(Option("phones", 1000)));
                runs.Add(result);
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(result, line));
            }

            var storms = await StormsAsync();
            var markdown = Fanout.Markdown(runs) + "\n" + Storms.Markdown(storms);
            await File.WriteAllTextAsync(Path.Combine(results, "fanout.md"), markdown);
            await File.WriteAllTextAsync(Path.Combine(results, "fanout.json"), JsonSerializer.Serialize(new { runs, storms }, indented));
            await Console.Out.WriteLineAsync(markdown);
            return 0;
        }

    case "qr-storm":
        {
            await AppProcess.PublishAsync(root);
            var storms = new List<Storms.Result>();
            for (var run = 0; run < Option("runs", 1); run++)
            {
                await using var app = await AppProcess.StartAsync(root);
                storms.Add(await Storms.JoinAsync(app, Option("phones", 5000), TimeSpan.FromSeconds(Option("seconds", 10))));
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(storms[^1], line));
            }

            var markdown = Storms.Markdown(storms) + FormattableString.Invariant($"\nLoad average at the end: {File.ReadAllText("/proc/loadavg").Trim()}\n");
            await File.WriteAllTextAsync(Path.Combine(results, "qr-storm.md"), markdown);
            await File.WriteAllTextAsync(Path.Combine(results, "qr-storm.json"), JsonSerializer.Serialize(storms, indented));
            await Console.Out.WriteLineAsync(markdown);
            return storms.All(r => r.Failures == 0 && r.PhonesOnCurrent == r.Phones && r.JoinP95Seconds <= 1) ? 0 : 1;
        }

    case "compare":
        {
            await AppProcess.PublishAsync(root);
            await RelayProcess.InstallAsync(root);
            var sizes = Sizes("sizes", [200, 1000, 2000, 5000, 10000]);
            var all = new List<Fanout.Result>();
            IReadOnlyList<string> payloads = [];
            var baseVersion = 0L;
            foreach (var size in sizes)
            {
                for (var run = 0; run < Option("runs", 5); run++)
                {
                    // Ours first, then the relay, run after run: a slow minute on a shared machine hits both.
                    await using (var app = await AppProcess.StartAsync(root))
                    {
                        var (ours, sent, version) = await Fanout.RunOursAsync(app, FanoutOptions(size));
                        (payloads, baseVersion) = payloads.Count == 0 ? (sent, version) : (payloads, baseVersion);
                        all.Add(ours);
                        await Console.Out.WriteLineAsync(JsonSerializer.Serialize(ours, line));
                    }

                    await using (var relay = await RelayProcess.StartAsync(root))
                    {
                        var theirs = await Fanout.RunRelayAsync(relay, FanoutOptions(size), payloads, baseVersion);
                        all.Add(theirs);
                        await Console.Out.WriteLineAsync(JsonSerializer.Serialize(theirs, line));
                    }

                    await File.WriteAllTextAsync(Path.Combine(results, "compare.json"), JsonSerializer.Serialize(all, indented));
                }
            }

            var storms = await StormsAsync();
            var weight = Option("pageweight", 1) != 0 ? await PageWeightAsync() : string.Empty;
            var markdown = Comparison.Markdown(all) + "\n" + Fanout.Markdown(all) + "\n" + Storms.Markdown(storms) + "\n" + weight;
            await File.WriteAllTextAsync(Path.Combine(results, "compare.md"), markdown);
            await File.WriteAllTextAsync(Path.Combine(results, "compare.json"), JsonSerializer.Serialize(new { runs = all, storms }, indented));
            await Console.Out.WriteLineAsync(markdown);
            return 0;
        }

    case "hold":
        {
            // For profiling: N phones follow, the presenter steps every --every-ms (0: never) for --seconds; attach
            // dotnet-counters or dotnet-trace to the printed process id meanwhile.
            await AppProcess.PublishAsync(root);
            await using var app = await AppProcess.StartAsync(root);
            await Console.Out.WriteLineAsync(FormattableString.Invariant($"server pid {app.ProcessId}"));
            await Fanout.HoldAsync(app, Option("phones", 1000), TimeSpan.FromSeconds(Option("seconds", 60)), TimeSpan.FromMilliseconds(Option("every-ms", 0)));
            return 0;
        }

    case "pageweight":
        {
            await AppProcess.PublishAsync(root);
            var markdown = await PageWeightAsync();
            await File.WriteAllTextAsync(Path.Combine(results, "pageweight.md"), markdown);
            await Console.Out.WriteLineAsync(markdown);
            return 0;
        }

    case "joinweight":
        {
            await AppProcess.PublishAsync(root);
            var measured = new List<JoinWeight.Result>();
            foreach (var count in Sizes("questions", [0, 200, 2000]))
            {
                await using var app = await AppProcess.StartAsync(root, JoinWeight.SeedLimits);
                await JoinWeight.SeedAsync(app.BaseAddress, AppProcess.Code, count);
                measured.Add(await JoinWeight.MeasureAsync(app.BaseAddress, AppProcess.Code, count));
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(measured[^1], line));
            }

            var markdown = JoinWeight.Markdown(measured);
            await File.WriteAllTextAsync(Path.Combine(results, "joinweight.md"), markdown);
            await Console.Out.WriteLineAsync(markdown);
            return 0;
        }

    case "startup":
        {
            await AppProcess.PublishAsync(root);
            List<(string, Func<Task<AppProcess>>)> apps = [(AppProcess.Published is { } published ? Path.GetFileName(published) : "this tree", () => AppProcess.StartAsync(root))];
            for (var at = arguments.IndexOf("--against"); at >= 0 && at + 1 < arguments.Count; at = arguments.IndexOf("--against", at + 1))
            {
                var against = Path.GetFullPath(arguments[at + 1]);
                apps.Add((Path.GetFileName(against), () => AppProcess.StartPublishedAsync(against)));
            }

            var starts = await Startup.RunAsync(apps, Option("starts", 5));
            var markdown = Startup.Markdown(starts, File.ReadAllText("/proc/loadavg").Trim());
            await File.WriteAllTextAsync(Path.Combine(results, "startup.md"), markdown);
            await File.WriteAllTextAsync(Path.Combine(results, "startup.json"), JsonSerializer.Serialize(starts, indented));
            await Console.Out.WriteLineAsync(markdown);
            return 0;
        }

    case "cluster":
        {
            await AppProcess.PublishAsync(root);
            var runs = new List<ClusterFanout.Result>();
            var json = new JsonSerializerOptions { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };
            string[] limits = ["--AudienceLimits:WritesPerIpPerMinute=1000000"];
            for (var run = 0; run < Option("runs", 3); run++)
            {
                // One node on its SQLite file, as most talks run.
                await using (var single = await AppProcess.StartAsync(root, limits))
                {
                    runs.Add(await ClusterFanout.RunAsync("one node (SQLite)", [single], Option("phones", 5000), Option("changes", 20)));
                    await Console.Out.WriteLineAsync(JsonSerializer.Serialize(runs[^1], json));
                }

                // Two nodes on one PostgreSQL and one Redis, all on the server's CPUs.
                await using var services = await BackingServices.StartAsync();
                string[] cluster =
                [
                    .. limits, "--Storage:Provider=Postgres", "--Storage:ConnectionString=" + services.PostgresConnectionString,
                "--Cluster:Backplane=Redis", "--Cluster:RedisConnectionString=" + services.RedisConnectionString,
            ];
                await using var a = await AppProcess.StartAsync(root, [.. cluster, "--Cluster:NodeName=A"]);
                await using var b = await AppProcess.StartAsync(root, [.. cluster, "--Cluster:NodeName=B"]);
                runs.Add(await ClusterFanout.RunAsync("two nodes (PostgreSQL + Redis)", [a, b], Option("phones", 5000), Option("changes", 20)));
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(runs[^1], json));
            }

            var markdown = ClusterFanout.Markdown(runs);
            await File.WriteAllTextAsync(Path.Combine(results, "cluster.md"), markdown);
            await File.WriteAllTextAsync(Path.Combine(results, "cluster.json"), JsonSerializer.Serialize(runs, new JsonSerializerOptions(json) { WriteIndented = true }));
            await Console.Out.WriteLineAsync(markdown);
            return runs.All(r => r.Missed == 0) ? 0 : 1;
        }

    default:
        await Console.Out.WriteLineAsync("usage: dotnet run --project bench/OpenHealthLive.Bench -c Release -- qna|votes|crash|vote-crash|fanout|compare|hold|pageweight|joinweight|startup|qr-storm|cluster [options] (see Program.cs)");
        return 2;
}

// The audience page's first load: in Chromium on a secure origin and on plain HTTP, and every file it references.
// A scenario run --runs times, each on a freshly started server: each result printed as it comes, then the table
// and the JSON written to bench/results; the exit code says whether every run held its rule.
async Task<int> RepeatAsync<T>(string name, int count, string[] serverArguments, Func<AppProcess, Task<T>> runOnce, Func<IReadOnlyList<T>, string> markdown, Func<T, bool> held)
{
    await AppProcess.PublishAsync(root);
    var runs = new List<T>();
    for (var run = 0; run < count; run++)
    {
        await using var app = await AppProcess.StartAsync(root, serverArguments);
        runs.Add(await runOnce(app));
        await Console.Out.WriteLineAsync(JsonSerializer.Serialize(runs[^1], line));
    }

    var table = markdown(runs);
    await File.WriteAllTextAsync(Path.Combine(results, name + ".md"), table);
    await File.WriteAllTextAsync(Path.Combine(results, name + ".json"), JsonSerializer.Serialize(runs, indented));
    await Console.Out.WriteLineAsync(table);
    return runs.All(held) ? 0 : 1;
}

async Task<string> PageWeightAsync()
{
    await using var app = await AppProcess.StartAsync(root);
    // A browser run that hangs (seen once or twice, cause not found) is reported as such; the rest still gets written.
    // 10 minutes: on a loaded 2-core machine the cold server and Chromium took over 3 for the first run.
    async Task<string> InChromiumAsync(string? insecureHost)
    {
        try
        {
            return BrowserPageWeight.Markdown(await BrowserPageWeight.MeasureAsync(app.BaseAddress, AppProcess.Code, insecureHost).WaitAsync(TimeSpan.FromMinutes(10)));
        }
        catch (TimeoutException)
        {
            return "Not measured: the browser run did not finish within 10 minutes.\n";
        }
        catch (Exception exception) when (exception is InvalidOperationException or Microsoft.Playwright.PlaywrightException)
        {
            return $"Not measured: {exception.Message}\n";
        }
    }

    var secure = await InChromiumAsync(null);
    var lan = await InChromiumAsync("live.test");
    var weight = await PageWeight.MeasureAsync(app.BaseAddress, AppProcess.Code);
    return $"""
        ## The audience page's first load in Chromium (phone, 390×844), secure origin

        http://127.0.0.1 counts as a secure context, as an HTTPS site does: the service worker registers.

        {secure}
        ## The same in Chromium on plain HTTP, as on a venue LAN (a name mapped to loopback: not a secure context)

        {lan}
        ## Every file the page references (crawled over HTTP, Accept-Encoding: br, gzip)

        {PageWeight.Markdown(weight)}
        """;
}

// The join storm and the restart storm, each on a fresh server (0 phones skips one).
async Task<List<Storms.Result>> StormsAsync()
{
    var storms = new List<Storms.Result>();
    if (Option("storm", 1000) is > 0 and var stormPhones)
    {
        await using var app = await AppProcess.StartAsync(root);
        storms.Add(await Storms.JoinAsync(app, stormPhones, TimeSpan.FromSeconds(Option("storm-seconds", 2))));
        await Console.Out.WriteLineAsync(JsonSerializer.Serialize(storms[^1], line));
    }

    if (Option("restart", 5000) is > 0 and var restartPhones)
    {
        await using var app = await AppProcess.StartAsync(root);
        storms.Add(await Storms.RestartAsync(app, restartPhones));
        await Console.Out.WriteLineAsync(JsonSerializer.Serialize(storms[^1], line));
    }

    return storms;
}

static string FindRepositoryRoot()
{
    for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "OpenHealthLive.sln")))
        {
            return directory.FullName;
        }
    }

    throw new InvalidOperationException("Run the harness from inside the repository.");
}
