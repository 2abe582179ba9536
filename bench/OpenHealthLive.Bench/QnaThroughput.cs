using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace OpenHealthLive.Bench;

/// <summary>
/// Q&amp;A writes against SQLite: P phones post questions and upvote as fast as the server acknowledges,
/// each phone sending its next write as soon as the previous one is acknowledged (every acknowledgement means
/// committed). Then the presenter's export is compared with what was acknowledged: none lost, none doubled.
/// </summary>
internal static class QnaThroughput
{
    public sealed record Result(int Phones, int QuestionsAcknowledged, int VotesAcknowledged, double Seconds, double WritesPerSecond,
        int QuestionsExported, int VotesExported, int Lost, int Duplicates, double P50Ms, double P95Ms, double P99Ms);

    public static async Task<Result> RunAsync(AppProcess app, int phones, int questionsPerPhone, int votesPerPhone)
    {
        var connections = new HubConnection[phones];
        for (var i = 0; i < phones; i++)
        {
            connections[i] = await Clients.PhoneAsync(app.BaseAddress, AppProcess.Code);
        }

        var latencies = new List<double>[phones];
        var askedIds = new List<long>[phones];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, phones).Select(async p =>
        {
            latencies[p] = [];
            askedIds[p] = [];
            for (var q = 0; q < questionsPerPhone; q++)
            {
                var started = Stopwatch.GetTimestamp();
                var result = await connections[p].InvokeAsync<JsonElement>("AskQuestion", AppProcess.Code, $"bench-{p}-{q}", $"Bench question {q} from phone {p}?", null);
                latencies[p].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                askedIds[p].Add(result.GetProperty("questionId").GetInt64());
            }
        }));

        var allIds = askedIds.SelectMany(ids => ids).ToArray();
        await Task.WhenAll(Enumerable.Range(0, phones).Select(async p =>
        {
            var random = new Random(p);
            foreach (var id in allIds.OrderBy(_ => random.Next()).Take(votesPerPhone))
            {
                var started = Stopwatch.GetTimestamp();
                await connections[p].InvokeAsync<JsonElement>("SetQuestionVote", AppProcess.Code, id, true);
                latencies[p].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        clock.Stop();

        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }

        var cookie = await Clients.SignInAsync(app.BaseAddress, AppProcess.PresenterKey);
        using var export = JsonDocument.Parse(await Clients.GetAsync(app.BaseAddress, $"presenter/{AppProcess.Code}/questions.json", cookie));
        var exported = export.RootElement.GetProperty("questions").EnumerateArray().ToList();
        var exportedIds = exported.Select(q => q.GetProperty("id").GetInt64()).ToHashSet();
        var votesExported = exported.Sum(q => q.GetProperty("votes").GetInt32());
        var texts = exported.Select(q => q.GetProperty("text").GetString()).ToList();

        var questions = allIds.Length;
        var votes = phones * Math.Min(votesPerPhone, allIds.Length);
        var sorted = latencies.SelectMany(l => l).Order().ToArray();
        return new Result(
            phones, questions, votes, clock.Elapsed.TotalSeconds, (questions + votes) / clock.Elapsed.TotalSeconds,
            exported.Count, votesExported,
            Lost: allIds.Count(id => !exportedIds.Contains(id)) + Math.Max(0, votes - votesExported),
            Duplicates: texts.Count - texts.Distinct(StringComparer.Ordinal).Count(),
            Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99));
    }

    public static string Markdown(IReadOnlyList<Result> runs)
    {
        var table = new System.Text.StringBuilder("| Run | Phones | Questions | Votes | Seconds | Writes/s | Exported (q / votes) | Lost | Duplicates | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (var i = 0; i < runs.Count; i++)
        {
            var r = runs[i];
            table.Append(CultureInfo.InvariantCulture, $"| {i + 1} | {r.Phones} | {r.QuestionsAcknowledged} | {r.VotesAcknowledged} | {r.Seconds:0.00} | {r.WritesPerSecond:0} | {r.QuestionsExported} / {r.VotesExported} | {r.Lost} | {r.Duplicates} | {r.P50Ms:0.0} | {r.P95Ms:0.0} | {r.P99Ms:0.0} |\n");
        }

        return table.ToString();
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
