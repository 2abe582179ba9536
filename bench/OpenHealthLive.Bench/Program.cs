using System.Text.Json;
using OpenHealthLive.Bench;

// dotnet run --project bench/OpenHealthLive.Bench -c Release -- <scenario> [options]
//   qna [--phones 200] [--questions 10] [--votes 40] [--runs 5]   Q&A write throughput against SQLite
//   votes [--phones 5000] [--runs 3]                               N phones vote at once in a poll: exact tally?
//   crash [--phones 50] [--runs 5]                                 kill -9 mid-talk and restart: nothing lost, nothing doubled?
//   cluster [--phones 5000] [--changes 20] [--runs 3]              slide fan-out, one node against two (PostgreSQL + Redis), alternating
//   --server-cpus 0   pins the server to CPU 0 (run the harness itself with `taskset -c 1`)
var arguments = args.ToList();
var scenario = arguments.FirstOrDefault() ?? "help";
int Option(string name, int fallback)
{
    var at = arguments.IndexOf("--" + name);
    return at >= 0 && at + 1 < arguments.Count ? int.Parse(arguments[at + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
}

var serverCpus = arguments.IndexOf("--server-cpus");
if (serverCpus >= 0 && serverCpus + 1 < arguments.Count)
{
    AppProcess.ServerCpus = arguments[serverCpus + 1];
}

var root = FindRepositoryRoot();
var results = Path.Combine(root, "bench", "results");
Directory.CreateDirectory(results);

switch (scenario)
{
    case "qna":
        {
            await AppProcess.BuildAsync(root);
            var runs = new List<QnaThroughput.Result>();
            for (var run = 0; run < Option("runs", 5); run++)
            {
                // The per-phone limits stay on, raised so that the harness measures the writer, not the limiter.
                await using var app = await AppProcess.StartAsync(root, "--Questions:QuestionsPerDevicePerMinute=600", "--Questions:VotesPerDevicePerMinute=6000", "--Questions:WritesPerIpPerMinute=1000000");
                var result = await QnaThroughput.RunAsync(app, Option("phones", 200), Option("questions", 10), Option("votes", 40));
                runs.Add(result);
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(result));
            }

            var markdown = QnaThroughput.Markdown(runs);
            await File.WriteAllTextAsync(Path.Combine(results, "qna.md"), markdown);
            await File.WriteAllTextAsync(Path.Combine(results, "qna.json"), JsonSerializer.Serialize(runs, new JsonSerializerOptions { WriteIndented = true }));
            await Console.Out.WriteLineAsync(markdown);
            return runs.All(r => r.Lost == 0 && r.Duplicates == 0) ? 0 : 1;
        }

    case "votes":
        {
            await AppProcess.BuildAsync(root);
            var runs = new List<PollExactness.Result>();
            for (var run = 0; run < Option("runs", 3); run++)
            {
                await using var app = await AppProcess.StartAsync(root);
                var result = await PollExactness.RunAsync(app, Option("phones", 5000));
                runs.Add(result);
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(result));
            }

            var markdown = PollExactness.Markdown(runs);
            await File.WriteAllTextAsync(Path.Combine(results, "votes.md"), markdown);
            await File.WriteAllTextAsync(Path.Combine(results, "votes.json"), JsonSerializer.Serialize(runs, new JsonSerializerOptions { WriteIndented = true }));
            await Console.Out.WriteLineAsync(markdown);
            return runs.All(r => r.Exact) ? 0 : 1;
        }

    case "crash":
        {
            await AppProcess.BuildAsync(root);
            var runs = new List<CrashRecovery.Result>();
            for (var run = 0; run < Option("runs", 5); run++)
            {
                await using var app = await AppProcess.StartAsync(root, "--Questions:QuestionsPerDevicePerMinute=600", "--Questions:VotesPerDevicePerMinute=6000");
                var result = await CrashRecovery.RunAsync(app, Option("phones", 50));
                runs.Add(result);
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(result));
            }

            var markdown = CrashRecovery.Markdown(runs);
            await File.WriteAllTextAsync(Path.Combine(results, "crash.md"), markdown);
            await File.WriteAllTextAsync(Path.Combine(results, "crash.json"), JsonSerializer.Serialize(runs, new JsonSerializerOptions { WriteIndented = true }));
            await Console.Out.WriteLineAsync(markdown);
            return runs.All(r => r.Lost == 0 && r.Duplicates == 0 && r.VotesAcknowledged <= r.VotersCounted && r.PhonesRecovered == r.Phones) ? 0 : 1;
        }

    case "cluster":
        {
            await AppProcess.BuildAsync(root);
            var runs = new List<ClusterFanout.Result>();
            var json = new JsonSerializerOptions { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };
            string[] limits = ["--Questions:WritesPerIpPerMinute=1000000"];
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
                "--Live:Backplane=Redis", "--Live:RedisConnectionString=" + services.RedisConnectionString,
            ];
                await using var a = await AppProcess.StartAsync(root, [.. cluster, "--Live:NodeName=A"]);
                await using var b = await AppProcess.StartAsync(root, [.. cluster, "--Live:NodeName=B"]);
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
        await Console.Out.WriteLineAsync("usage: dotnet run --project bench/OpenHealthLive.Bench -c Release -- qna|votes [options] (see Program.cs)");
        return 2;
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
