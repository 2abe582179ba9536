using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;
using OpenHealthLive.Core.Storage;
using OpenHealthLive.Web.Tests.Infrastructure;

namespace OpenHealthLive.Web.Tests.Pen;

/// <summary>
/// What the pen tests share: strokes drawn as the console draws them (pieces of points, then finished), connections
/// that record every ink event and slide change they get, and the Strokes rows read straight from the database file.
/// The wire shapes are read as JSON, as docs/live-protocol.md describes them, not taken from the server's types.
/// </summary>
internal static class Drawing
{
    public const string Red = "#d62828";
    public const string Yellow = "#facc15";

    /// <summary>A piece of a stroke as the console sends it (<c>DrawStroke</c>).</summary>
    public static object Piece(string id, int slide, int from, int[] points, string tool = "pen", string colour = Red, int width = 5) =>
        new { id, slide, tool, colour, width, from, points };

    /// <summary>Draws a whole stroke the way the console does: two pieces, then <c>FinishStroke</c>. Returns the finished stroke.</summary>
    public static async Task<JsonElement> DrawAsync(HubConnection speaker, string code, string id, int slide, int[] points, string tool = "pen", string colour = Red)
    {
        ArgumentNullException.ThrowIfNull(speaker);
        ArgumentNullException.ThrowIfNull(points);
        var half = points.Length / 4 * 2;
        await speaker.InvokeAsync<JsonElement>("DrawStroke", code, Piece(id, slide, 0, points[..Math.Max(2, half)], tool, colour));
        if (half > 0 && half < points.Length)
        {
            await speaker.InvokeAsync<JsonElement>("DrawStroke", code, Piece(id, slide, half / 2, points[half..], tool, colour));
        }

        return await speaker.InvokeAsync<JsonElement>("FinishStroke", code, id);
    }

    /// <summary>The points of a stroke on the wire.</summary>
    public static int[] Points(JsonElement stroke) => [.. stroke.GetProperty("points").EnumerateArray().Select(p => p.GetInt32())];

    /// <summary>The ids of the strokes in a list on the wire.</summary>
    public static string[] Ids(JsonElement strokes) => [.. strokes.EnumerateArray().Select(s => s.GetProperty("id").GetString()!)];

    /// <summary>The Strokes rows of a session, read from the database file: (slide, stroke id), in the order they were drawn.</summary>
    public static async Task<List<(int Slide, string Id)>> StrokeRowsAsync(OpenHealthLiveFactory factory, string code)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var connection = new SqliteConnection(SqliteStorage.ConnectionString(factory.DataDirectory));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Slide, StrokeId FROM Strokes WHERE SessionCode = $code ORDER BY Id";
        command.Parameters.AddWithValue("$code", code);
        var rows = new List<(int, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt32(0), reader.GetString(1)));
        }

        return rows;
    }

    /// <summary>Writes a Strokes row straight into the database, as stale data would be (a stroke left by an older version, or by hand).</summary>
    public static async Task InsertRowAsync(OpenHealthLiveFactory factory, string code, int slide, string id)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var connection = new SqliteConnection(SqliteStorage.ConnectionString(factory.DataDirectory));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO Strokes (SessionCode, Slide, StrokeId, Tool, Colour, Width, Points, CreatedAt) VALUES ($code, $slide, $id, 'pen', '#d62828', 5, '100,100,9000,9000', '2026-12-01 09:00:00+00:00')";
        command.Parameters.AddWithValue("$code", code);
        command.Parameters.AddWithValue("$slide", slide);
        command.Parameters.AddWithValue("$id", id);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A hub connection recording, in the order they arrive, every ink event and slide change it gets.</summary>
    public sealed class Watcher : IAsyncDisposable
    {
        private readonly ConcurrentQueue<(string Event, JsonElement Message)> _received = new();

        public Watcher(HubConnection connection)
        {
            Connection = connection;
            foreach (var name in new[] { "InkChanged", "SlideChanged" })
            {
                connection.On<JsonElement>(name, message => _received.Enqueue((name, message.Clone())));
            }
        }

        public HubConnection Connection { get; }

        public List<(string Event, JsonElement Message)> Received => [.. _received];

        public IEnumerable<JsonElement> Ink => _received.Where(r => r.Event == "InkChanged").Select(r => r.Message);

        /// <summary>Waits (at most 10 s) for an event of <paramref name="name"/> that meets <paramref name="condition"/>, and returns it.</summary>
        public async Task<JsonElement> WaitForAsync(string name, Func<JsonElement, bool> condition)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (true)
            {
                foreach (var (_, message) in _received.Where(r => r.Event == name))
                {
                    if (condition(message))
                    {
                        return message;
                    }
                }

                if (timeout.IsCancellationRequested)
                {
                    Assert.Fail($"No {name} of the expected kind arrived; got: {string.Join(" | ", _received.Select(r => $"{r.Event} {r.Message.GetRawText()}"))}");
                }

                await Task.Delay(20, CancellationToken.None);
            }
        }

        public Task<JsonElement> WaitForInkAsync(string kind, int slide) =>
            WaitForAsync("InkChanged", m => m.GetProperty("kind").GetString() == kind && m.GetProperty("slide").GetInt32() == slide);

        public Task<JsonElement> WaitForSlideAsync(int slide) =>
            WaitForAsync("SlideChanged", m => m.GetProperty("slide").GetInt32() == slide);

        public ValueTask DisposeAsync() => Connection.DisposeAsync();
    }
}
