using System.Buffers;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenHealthLive.Core.Captions;
using OpenHealthLive.Core.Refusals;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Storage;
using OpenHealthLive.Web.Infrastructure;
using OpenHealthLive.Web.Presenter;

namespace OpenHealthLive.Web.Captions;

/// <summary>
/// <c>POST /api/sessions/{code}/captions</c>: captions from software outside the browser (a CART stenographer's
/// program, speech recognition), authenticated with a captioner link's code as a bearer token (docs/captions.md).
/// </summary>
internal static class CaptionEndpoints
{
    /// <summary>Largest body accepted: several lines at once, each at most <see cref="CaptionText.MaxLength"/> characters.</summary>
    public const int MaxBodyBytes = 8192;

    private const string Realm = "Bearer realm=\"OpenHealthLive captions\"";

    public static WebApplication MapCaptions(this WebApplication app)
    {
        app.MapPost("/api/sessions/{code}/captions", PostAsync).WithName("PostCaptions").DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> PostAsync(string code, HttpContext http, SessionGrants grants, LiveSessionService sessions, CaptionService captions, CaptionLimits limits)
    {
        var aborted = http.RequestAborted;
        if (BearerToken(http.Request) is not { } token)
        {
            return Unauthorized(http, "Send a captioner link's code as a bearer token: Authorization: Bearer XXXXX-XXXXX-XXXXX-XXXXX. The organiser makes captioner links on the programme page.");
        }

        SessionGrantRecord? grant;
        try
        {
            grant = await grants.FindLiveAsync(token, aborted);
        }
        catch (Exception ex) when (StorageErrors.IsUnavailable(ex))
        {
            return Problem(StatusCodes.Status503ServiceUnavailable, "Database away", "The server cannot check the code right now: its database is not answering. Send the line again in a moment.");
        }

        if (grant is null)
        {
            // Per address, and only for wrong codes: a valid link behind the same venue address is never held up by them.
            if (!limits.TryTakeFailure(ClientAddress.Key(http.Connection.RemoteIpAddress), out var failureWait))
            {
                return TooMany(http, failureWait, $"Too many wrong codes from this address. Wait {RetryAfter.Phrase(failureWait)} and check the captioner link's code.");
            }

            return Unauthorized(http, "That code is not a live captioner link: it may be mistyped, or the organiser may have revoked it. Ask them for a new captioner link.");
        }

        var session = await sessions.FindAsync(code, aborted);
        if (session is null)
        {
            return Problem(StatusCodes.Status404NotFound, "Unknown session", $"There is no session with code '{(code.Length > 16 ? code[..16] : code)}'.");
        }

        if (StaffMember.Parse(grant.Role) != StaffRole.Captioner)
        {
            return Problem(StatusCodes.Status403Forbidden, "Not a captioner link",
                $"This is a {grant.Role} link. Captions are sent with a captioner link, which the organiser makes on the programme page; it can do nothing else.");
        }

        if (!string.Equals(grant.SessionCode, session.Code, StringComparison.Ordinal))
        {
            return Problem(StatusCodes.Status403Forbidden, "Another session's link", $"This captioner link is for session {grant.SessionCode}, not {session.Code}.");
        }

        var (body, refusal) = await ReadAsync(http.Request, aborted);
        if (refusal is not null)
        {
            return refusal;
        }

        var writer = "link:" + grant.Id;
        try
        {
            if (!body!.Final)
            {
                if (!limits.TryTakeDraft(writer, out var wait))
                {
                    return TooMany(http, wait, CaptionLimits.TooQuickly(wait));
                }

                var draft = await captions.TypeAsync(session.Code, body.Lines[0], aborted);
                return TypedResults.Ok(new CaptionPostResult([], new CaptionDraftState(draft.SessionCode, draft.Text)));
            }

            if (!limits.TryTakeLines(writer, body.Lines.Count, out var linesWait))
            {
                return TooMany(http, linesWait, CaptionLimits.TooQuickly(linesWait));
            }

            var receipts = new List<CaptionReceipt>(body.Lines.Count);
            foreach (var line in body.Lines)
            {
                receipts.Add(CaptionReceipt.From(await captions.CommitAsync(session.Code, line, null, aborted)));
            }

            return TypedResults.Ok(new CaptionPostResult(receipts, null));
        }
        catch (RequestRefusedException ex) when (ex.Code == RefusalCodes.TalkEnded)
        {
            return Problem(StatusCodes.Status409Conflict, "The talk has ended", ex.Message);
        }
        catch (RequestRefusedException ex)
        {
            return Problem(StatusCodes.Status400BadRequest, "Caption refused", ex.Message);
        }
        catch (StorageUnavailableException ex)
        {
            return Problem(StatusCodes.Status503ServiceUnavailable, "Not stored", ex.Message);
        }
    }

    /// <summary>The body, read within <see cref="MaxBodyBytes"/>: JSON <c>{"text": "…", "final": true}</c>, or plain text with one line per line.</summary>
    private static async Task<(CaptionBody? Body, IResult? Refusal)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || (type.CharSet is { } charset && !charset.Trim('"').Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Trim('"').Equals("us-ascii", StringComparison.OrdinalIgnoreCase)))
        {
            return (null, Unsupported());
        }

        var json = type.MediaType is "application/json" || type.MediaType?.EndsWith("+json", StringComparison.OrdinalIgnoreCase) == true;
        if (!json && !string.Equals(type.MediaType, "text/plain", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Unsupported());
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, TooLarge());
        }

        // Read at most one byte more than allowed, whatever the Content-Length said (or did not say: chunked).
        var buffer = ArrayPool<byte>.Shared.Rent(MaxBodyBytes + 1);
        try
        {
            var read = 0;
            int got;
            while (read <= MaxBodyBytes && (got = await request.Body.ReadAsync(buffer.AsMemory(read, MaxBodyBytes + 1 - read), cancellationToken)) > 0)
            {
                read += got;
            }

            if (read > MaxBodyBytes)
            {
                return (null, TooLarge());
            }

            string text;
            try
            {
                text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, read);
            }
            catch (DecoderFallbackException)
            {
                return (null, BadRequest("The body is not valid UTF-8 text."));
            }

            return json ? ReadJson(text) : ReadLines(text);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static (CaptionBody?, IResult?) ReadJson(string text)
    {
        string? line;
        bool final;
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("text", out var value) || value.ValueKind != JsonValueKind.String)
            {
                return (null, BadRequest("A JSON body needs a text property with the line, for example {\"text\": \"Good morning.\"}; add \"final\": false for a line still being written."));
            }

            line = value.GetString();
            final = !root.TryGetProperty("final", out var finalValue) || finalValue.ValueKind != JsonValueKind.False;
        }
        catch (JsonException ex)
        {
            return (null, BadRequest($"The body is not valid JSON: {ex.Message}"));
        }

        line ??= string.Empty;
        if (line.Length > CaptionText.MaxLength)
        {
            return (null, BadRequest(CaptionText.TooLong));
        }

        if (final && line.Trim().Length == 0)
        {
            return (null, BadRequest("The line is empty: send some text, or \"final\": false with an empty text to clear the line in progress."));
        }

        return (new CaptionBody([line], final), null);
    }

    private static (CaptionBody?, IResult?) ReadLines(string text)
    {
        var lines = new List<string>();
        var number = 0;
        foreach (var raw in text.Split(["\r\n", "\n", "\r"], StringSplitOptions.None))
        {
            number++;
            var line = raw.Trim();
            if (line.Length > CaptionText.MaxLength)
            {
                return (null, BadRequest($"The body's line {number} has {line.Length.ToString(CultureInfo.InvariantCulture)} characters: a caption line has at most {CaptionText.MaxLength}. Nothing was stored."));
            }

            if (line.Length > 0)
            {
                lines.Add(line);
            }
        }

        return lines.Count == 0
            ? (null, BadRequest("The body is empty: send at least one line of text."))
            : (new CaptionBody(lines, Final: true), null);
    }

    /// <summary>The code after <c>Bearer</c> in the Authorization header, or null.</summary>
    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) && header.Length > Scheme.Length ? header[Scheme.Length..].Trim() : null;
    }

    private static ProblemHttpResult Unauthorized(HttpContext http, string detail)
    {
        http.Response.Headers.WWWAuthenticate = Realm;
        return Problem(StatusCodes.Status401Unauthorized, "No captioner link", detail);
    }

    private static ProblemHttpResult TooMany(HttpContext http, TimeSpan wait, string detail)
    {
        http.Response.Headers.RetryAfter = RetryAfter.Header(wait);
        return Problem(StatusCodes.Status429TooManyRequests, "Too many requests", detail);
    }

    private static ProblemHttpResult Unsupported() =>
        Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported body", "Send application/json or text/plain, in UTF-8.");

    private static ProblemHttpResult TooLarge() =>
        Problem(StatusCodes.Status413PayloadTooLarge, "Body too large", $"The body has more than {MaxBodyBytes} bytes: send fewer lines at a time.");

    private static ProblemHttpResult BadRequest(string detail) => Problem(StatusCodes.Status400BadRequest, "Caption refused", detail);

    private static ProblemHttpResult Problem(int status, string title, string detail) => TypedResults.Problem(statusCode: status, title: title, detail: detail);

    private sealed record CaptionBody(IReadOnlyList<string> Lines, bool Final);
}

/// <summary>The answer of <c>POST /api/sessions/{code}/captions</c>: the lines as stored and sent, or the line in progress as sent.</summary>
public sealed record CaptionPostResult(IReadOnlyList<CaptionReceipt> Lines, CaptionDraftState? Draft);
