using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenHealthLive.Core.Storage;
using OpenHealthLive.Web.Questions;
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
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/presenter/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_spreadsheet_formula_character_at_the_start_of_audience_text_is_defused_in_the_csv()
    {
        await using var phone = await QnaClient.PhoneAsync(_factory);
        await phone.AskAsync("+1 for open data, will you share it?", author: "=cmd|' /C calc'!A0");
        await phone.AskAsync("-2 dB on the left ear, is that normal?", author: "@SUM(1+1)");
        await phone.AskAsync("@everyone: is the code online?", author: "+44 team");
        await phone.AskAsync("Plain question, no formula?", author: "-Ada");
        var cookie = await _factory.SignInAsync();
        using var client = _factory.CreatePlainClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/presenter/{OpenHealthLiveFactory.DefaultCode}/questions.csv");
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        var csv = await response.Content.ReadAsStringAsync();

        foreach (var cell in new[]
        {
            "\"'+1 for open data, will you share it?\"", "\"'=cmd|' /C calc'!A0\"",
            "\"'-2 dB on the left ear, is that normal?\"", "\"'@SUM(1+1)\"",
            "\"'@everyone: is the code online?\"", "\"'+44 team\"",
            "\"Plain question, no formula?\"", "\"'-Ada\"",
        })
        {
            Assert.Contains("," + cell + ",", csv, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("=1+1", "\"'=1+1\"")]
    [InlineData("+1", "\"'+1\"")]
    [InlineData("-1", "\"'-1\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\t=1+1", "\"'\t=1+1\"")]
    [InlineData("\r=1+1", "\"'\r=1+1\"")]
    [InlineData("1+1=2", "\"1+1=2\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("", "")]
    public void A_csv_cell_is_quoted_and_a_leading_formula_character_tab_or_carriage_return_gets_an_apostrophe(string value, string cell)
    {
        Assert.Equal(cell, QuestionExportEndpoints.Cell(value));
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
