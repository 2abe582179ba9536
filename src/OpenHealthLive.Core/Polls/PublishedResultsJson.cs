using System.Text.Json;

namespace OpenHealthLive.Core.Polls;

/// <summary>
/// The stored form of results the room was shown, kept as open data once the votes behind them are deleted
/// (<see cref="Storage.PollStateRecord.PublishedResults"/>). Counts only: a published result names no device.
/// </summary>
public static class PublishedResultsJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>The JSON stored for <paramref name="results"/>.</summary>
    public static string Serialize(PollResults results) => JsonSerializer.Serialize(results, Options);

    /// <summary>The results stored as <paramref name="json"/>, or null when nothing is stored.</summary>
    public static PollResults? Deserialize(string? json) => json is null ? null : JsonSerializer.Deserialize<PollResults>(json, Options);
}
