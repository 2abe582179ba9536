using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenHealthLive.Core.Storage;
using OpenHealthLive.Web.Tests.Infrastructure;

namespace OpenHealthLive.Web.Tests.Questions;

public sealed class QuestionExportTests : IDisposable
{
    private readonly OpenHealthLiveFactory _factory = new();

    [Theory]
    [InlineData("questions.csv")]
    [InlineData("questions.json")]
    public async Task Exports_are_for_the_presenter_only(string file)
    {
        using var client = _factory.CreatePlainClient();
        using var response = await client.GetAsync($"/presenter/{OpenHealthLiveFactory.DefaultCode}/{file}");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_exports_hold_every_question_with_votes_status_and_times_and_no_device_data()
    {
        await using var phone = await QnaClient.PhoneAsync(_factory);
        var visible = await phone.AskAsync("=HYPERLINK(\"http://evil.example\",\"click\")");
        await phone.VoteAsync(visible.QuestionId);
        var held = await phone.AskAsync("Patient born 03/04/1961, what now?", author: "Dr \"Quote\" Smith");
        var cookie = await _factory.SignInAsync();
        using var client = _factory.CreatePlainClient();

        using var jsonRequest = new HttpRequestMessage(HttpMethod.Get, $"/presenter/{OpenHealthLiveFactory.DefaultCode}/questions.json");
        jsonRequest.Headers.Add("Cookie", cookie);
        using var jsonResponse = await client.SendAsync(jsonRequest);
        Assert.Equal(HttpStatusCode.OK, jsonResponse.StatusCode);
        var json = await jsonResponse.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("openhealthlive/questions-export/v1", root.GetProperty("schema").GetString());
        Assert.Equal(OpenHealthLiveFactory.DefaultCode, root.GetProperty("session").GetString());
        Assert.Equal("getting-started", root.GetProperty("deck").GetString());
        var questions = root.GetProperty("questions").EnumerateArray().ToList();
        Assert.Equal(2, questions.Count);
        var first = questions.Single(q => q.GetProperty("id").GetInt64() == visible.QuestionId);
        Assert.Equal(1, first.GetProperty("votes").GetInt32());
        Assert.Equal("visible", first.GetProperty("status").GetString());
        Assert.True(first.GetProperty("createdAt").GetDateTimeOffset() > DateTimeOffset.UnixEpoch);
        Assert.Equal("held", questions.Single(q => q.GetProperty("id").GetInt64() == held.QuestionId).GetProperty("status").GetString());

        using var csvRequest = new HttpRequestMessage(HttpMethod.Get, $"/presenter/{OpenHealthLiveFactory.DefaultCode}/questions.csv");
        csvRequest.Headers.Add("Cookie", cookie);
        using var csvResponse = await client.SendAsync(csvRequest);
        var csv = await csvResponse.Content.ReadAsStringAsync();
        Assert.StartsWith("id,text,author,votes,status,held_reason,pinned,answering_now,answered,created_at,answered_at\r\n", csv, StringComparison.Ordinal);
        // A formula from the audience is shown, never run, by a spreadsheet.
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"", csv, StringComparison.Ordinal);
        Assert.Contains("\"Dr \"\"Quote\"\" Smith\"", csv, StringComparison.Ordinal);

        await using var db = await _factory.GetService<IDbContextFactory<LiveDbContext>>().CreateDbContextAsync();
        foreach (var hash in await db.Questions.Select(q => q.DeviceHash).Distinct().ToListAsync())
        {
            Assert.DoesNotContain(hash, json, StringComparison.Ordinal);
            Assert.DoesNotContain(hash, csv, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("device", json, StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose() => _factory.Dispose();
}
