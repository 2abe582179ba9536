using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Web.Presenter;
using OpenHealthLive.Web.Tests.Infrastructure;
using static OpenHealthLive.Web.Tests.Captions.Captioning;

namespace OpenHealthLive.Web.Tests.Captions;

/// <summary>
/// <c>POST /api/sessions/{code}/captions</c>, for captioning software outside the browser: a captioner link's code as
/// a bearer token; JSON or plain text; refusals as problem details with the status that says what went wrong
/// (401, 403, 404, 409, 413, 415, 429); limited per link, not per anything a client can forge.
/// </summary>
public sealed class CaptionEndpointTests : IDisposable
{
    private const string Talk = OpenHealthLiveFactory.DefaultCode;
    private static readonly string Path = $"/api/sessions/{Talk}/captions";
    private readonly OpenHealthLiveFactory _factory = new();

    public CaptionEndpointTests() => _factory.Settings["Decks:DefaultDeck"] = "open-healthcare";

    [Fact]
    public async Task Requests_without_a_captioner_link_of_the_session_are_refused_with_problem_details()
    {
        var organiser = await _factory.SignInAsync();
        var other = await _factory.GetService<LiveSessionService>().StartAsync("open-healthcare", CancellationToken.None);
        var revoked = await IssueLinkAsync(_factory, organiser, Talk);
        var grants = _factory.GetService<SessionGrants>();
        Assert.True(await grants.RevokeAsync(Talk, (await grants.ListAsync(Talk, CancellationToken.None)).Single().Id, CancellationToken.None));
        var otherSession = await IssueLinkAsync(_factory, organiser, other.Code);
        var moderator = await IssueLinkAsync(_factory, organiser, Talk, "moderator");
        var speaker = await IssueLinkAsync(_factory, organiser, Talk, "speaker");
        var valid = await IssueLinkAsync(_factory, organiser, Talk);
        using var client = _factory.CreatePlainClient();

        foreach (var (authorization, status, says) in new (string?, HttpStatusCode, string)[]
        {
            (null, HttpStatusCode.Unauthorized, "captioner link"),
            ("Bearer NOT-A-REAL-CODE", HttpStatusCode.Unauthorized, "captioner link"),
            ($"Basic {valid}", HttpStatusCode.Unauthorized, "captioner link"),
            ($"Bearer {revoked}", HttpStatusCode.Unauthorized, "revoked"),
            ($"Bearer {otherSession}", HttpStatusCode.Forbidden, $"session {other.Code}"),
            ($"Bearer {moderator}", HttpStatusCode.Forbidden, "captioner link"),
            ($"Bearer {speaker}", HttpStatusCode.Forbidden, "captioner link"),
        })
        {
            using var response = await PostAsync(client, authorization, Json(new { text = "Should not be shown." }));
            Assert.True(response.StatusCode == status, $"{authorization ?? "no token"} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            await ExpectProblemAsync(response, says);
            if (status == HttpStatusCode.Unauthorized)
            {
                Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
            }
        }

        using (var unknown = await PostAsync(client, $"Bearer {valid}", Json(new { text = "Hello" }), "/api/sessions/ZZZZ22/captions"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            await ExpectProblemAsync(unknown, "ZZZZ22");
        }

        Assert.Empty(await CaptionRowsAsync(_factory, Talk));
        Assert.Empty(await CaptionRowsAsync(_factory, other.Code));
    }

    [Fact]
    public async Task A_captioner_link_posts_lines_as_json_or_plain_text_and_the_phones_get_them_with_the_current_slide()
    {
        var organiser = await _factory.SignInAsync();
        var token = $"Bearer {(await IssueLinkAsync(_factory, organiser, Talk)).ToLowerInvariant()}";
        await using var phone = await ReaderAsync(_factory);
        await using (var presenter = await _factory.ConnectAsync(organiser))
        {
            await presenter.InvokeAsync<JsonElement>("NextStep", Talk);
        }

        using var client = _factory.CreatePlainClient();
        using (var draft = await PostAsync(client, token, Json(new { text = "From the steno", final = false })))
        {
            Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
            await phone.WaitForTextAsync("CaptionTyping", "From the steno");
        }

        using (var json = await PostAsync(client, token, Json(new { text = "From the stenography machine." })))
        {
            Assert.Equal(HttpStatusCode.OK, json.StatusCode);
            var lines = JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement.GetProperty("lines");
            Assert.Equal(["From the stenography machine."], Texts(lines));
            Assert.Equal(1, lines[0].GetProperty("slide").GetInt32());
        }

        using (var text = await PostAsync(client, token, new StringContent("Größe matters, café.\r\n\nSecond line.\n", Encoding.UTF8, "text/plain")))
        {
            Assert.Equal(HttpStatusCode.OK, text.StatusCode);
        }

        await phone.WaitForTextAsync("CaptionCommitted", "Second line.");
        Assert.Equal(["From the stenography machine.", "Größe matters, café.", "Second line."], phone.Messages("CaptionCommitted").Select(m => m.GetProperty("text").GetString()));
        Assert.Equal([(1, "From the stenography machine."), (1, "Größe matters, café."), (1, "Second line.")], await CaptionRowsAsync(_factory, Talk));
    }

    [Fact]
    public async Task A_body_too_large_of_the_wrong_type_or_malformed_gets_a_clear_error_and_nothing_of_it_is_stored()
    {
        var organiser = await _factory.SignInAsync();
        var token = $"Bearer {await IssueLinkAsync(_factory, organiser, Talk)}";
        using var client = _factory.CreatePlainClient();

        var cases = new (Func<HttpContent> Body, HttpStatusCode Status, string Says)[]
        {
            (() => new StringContent("<caption>Hello</caption>", Encoding.UTF8, "application/xml"), HttpStatusCode.UnsupportedMediaType, "application/json or text/plain"),
            (() => new ByteArrayContent([]), HttpStatusCode.UnsupportedMediaType, "application/json or text/plain"),
            (() => new StringContent(new string('a', 9000), Encoding.UTF8, "text/plain"), HttpStatusCode.RequestEntityTooLarge, "8192 bytes"),
            (() => Chunked(new string('a', 9000)), HttpStatusCode.RequestEntityTooLarge, "8192 bytes"),
            (() => Json(new { text = new string('a', 501) }), HttpStatusCode.BadRequest, "at most 500 characters"),
            (() => new StringContent("Fine first line.\n" + new string('b', 501), Encoding.UTF8, "text/plain"), HttpStatusCode.BadRequest, "line 2"),
            (() => new StringContent("{\"text\": ", Encoding.UTF8, "application/json"), HttpStatusCode.BadRequest, "JSON"),
            (() => Json(new { words = "no text property" }), HttpStatusCode.BadRequest, "text property"),
            (() => new StringContent("  \n\n ", Encoding.UTF8, "text/plain"), HttpStatusCode.BadRequest, "empty"),
        };
        foreach (var (body, status, says) in cases)
        {
            using var response = await PostAsync(client, token, body());
            var answer = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {answer}");
            await ExpectProblemAsync(response, says);
        }

        Assert.Empty(await CaptionRowsAsync(_factory, Talk));
    }

    [Fact]
    public async Task Each_link_has_its_own_rate_limit_that_a_forged_forwarding_header_does_not_reset()
    {
        _factory.Clock = new StoppedClock();
        _factory.Settings["Captions:LinesPerMinute"] = "3";
        var organiser = await _factory.SignInAsync();
        var token = $"Bearer {await IssueLinkAsync(_factory, organiser, Talk)}";
        var second = $"Bearer {await IssueLinkAsync(_factory, organiser, Talk)}";
        using var client = _factory.CreatePlainClient();

        for (var i = 0; i < 3; i++)
        {
            using var accepted = await PostAsync(client, token, Json(new { text = $"Line {i}." }));
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        using (var refused = await PostAsync(client, token, Json(new { text = "One too many." })))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "no Retry-After");
            await ExpectProblemAsync(refused, "too quickly");
        }

        using (var forged = new HttpRequestMessage(HttpMethod.Post, Path) { Content = Json(new { text = "From another address, supposedly." }) })
        {
            forged.Headers.Authorization = AuthenticationHeaderValue.Parse(token);
            forged.Headers.Add("X-Forwarded-For", "203.0.113.9");
            using var stillRefused = await client.SendAsync(forged);
            Assert.Equal(HttpStatusCode.TooManyRequests, stillRefused.StatusCode);
        }

        using (var other = await PostAsync(client, second, Json(new { text = "From the second link." })))
        {
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        }

        Assert.Equal(["Line 0.", "Line 1.", "Line 2.", "From the second link."], (await CaptionRowsAsync(_factory, Talk)).Select(r => r.Text));
    }

    [Fact]
    public async Task Wrong_codes_from_one_address_are_throttled_without_locking_out_a_valid_link_behind_the_same_address()
    {
        _factory.Settings["Captions:FailedTokensPerMinute"] = "3";
        var organiser = await _factory.SignInAsync();
        var token = $"Bearer {await IssueLinkAsync(_factory, organiser, Talk)}";
        using var client = _factory.CreatePlainClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await PostAsync(client, $"Bearer WRONG-CODE-{i}", Json(new { text = "Guessing." }));
            statuses.Add(wrong.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        using var valid = await PostAsync(client, token, Json(new { text = "The real captioner." }));
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
    }

    [Fact]
    public async Task After_the_end_of_the_talk_lines_are_refused_with_a_conflict()
    {
        var organiser = await _factory.SignInAsync();
        var token = $"Bearer {await IssueLinkAsync(_factory, organiser, Talk)}";
        await using (var presenter = await _factory.ConnectAsync(organiser))
        {
            await presenter.InvokeAsync<JsonElement>("EndSession", Talk);
        }

        using var client = _factory.CreatePlainClient();
        using var refused = await PostAsync(client, token, Json(new { text = "After the end." }));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        await ExpectProblemAsync(refused, "This talk has ended");
        Assert.Empty(await CaptionRowsAsync(_factory, Talk));
    }

    public void Dispose() => _factory.Dispose();

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private static UnsizedContent Chunked(string text)
    {
        var content = new UnsizedContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
        return content;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string? authorization, HttpContent body, string? path = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path ?? Path) { Content = body };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await client.SendAsync(request);
    }

    private static async Task ExpectProblemAsync(HttpResponseMessage response, string says)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(body.Contains(says, StringComparison.Ordinal), $"The problem does not say '{says}': {body}");
    }

    /// <summary>A body sent without a Content-Length (chunked), as a streaming client sends it.</summary>
    private sealed class UnsizedContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
