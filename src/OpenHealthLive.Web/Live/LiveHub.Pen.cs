using OpenHealthLive.Web.Infrastructure;
using OpenHealthLive.Web.Pen;
using OpenHealthLive.Web.Presenter;

namespace OpenHealthLive.Web.Live;

/// <summary>The pen (docs/authoring.md, "The pen"): the speaker draws on the slide the room is shown; everyone following sees it.</summary>
public sealed partial class LiveHub
{
    /// <summary>
    /// A piece of a stroke being drawn: the points since the last piece (<see cref="StrokeInput.From"/> 0 starts a
    /// stroke). Sent to everyone following as <c>InkChanged</c> (<c>drawing</c>); stored when the stroke is finished.
    /// </summary>
    [Staff(StaffRight.Drive)]
    public async Task<LiveStroke> DrawStroke(string code, StrokeInput stroke)
    {
        ArgumentNullException.ThrowIfNull(stroke);
        if (!penLimits.TryTakePiece(PenWriter(), out var wait))
        {
            throw HubRefusal.Create(HubRefusal.RateLimited, "too-fast", PenLimits.TooQuickly(wait), [RetryAfter.Seconds(wait)]);
        }

        var session = await RequireAsync(code);
        var piece = await strokes.DrawAsync(session.Code, stroke.Id, stroke.Slide, stroke.Tool, stroke.Colour, stroke.Width, stroke.From, stroke.Points, Context.ConnectionAborted);
        return LiveStroke.Of(piece);
    }

    /// <summary>Finishes a stroke: stored whole with its slide and sent to everyone following (<c>drawn</c>). Returns it.</summary>
    [Staff(StaffRight.Drive)]
    public async Task<LiveStroke> FinishStroke(string code, string id)
    {
        TakePenChange();
        var session = await RequireAsync(code);
        return LiveStroke.Of(await strokes.FinishAsync(session.Code, id, Context.ConnectionAborted));
    }

    /// <summary>Erases one stroke of <paramref name="slide"/> (the eraser). Returns false when it was erased already.</summary>
    [Staff(StaffRight.Drive)]
    public async Task<bool> EraseStroke(string code, int slide, string id)
    {
        TakePenChange();
        var session = await RequireAsync(code);
        return await strokes.EraseAsync(session.Code, slide, id, Context.ConnectionAborted);
    }

    /// <summary>Erases every stroke of <paramref name="slide"/>. Returns how many there were.</summary>
    [Staff(StaffRight.Drive)]
    public async Task<int> ClearStrokes(string code, int slide)
    {
        TakePenChange();
        var session = await RequireAsync(code);
        return await strokes.ClearAsync(session.Code, slide, Context.ConnectionAborted);
    }

    /// <summary>The strokes of <paramref name="slide"/> (0-based), in the order drawn, when the room has been shown it; refused otherwise.</summary>
    [AllowAudience]
    public async Task<IReadOnlyList<LiveStroke>> GetStrokes(string code, int slide)
    {
        var session = await RequireAsync(code);
        return (await strokes.ForAudienceAsync(session.Code, slide, Context.ConnectionAborted)).Select(LiveStroke.Of).ToList();
    }

    private void TakePenChange()
    {
        if (!penLimits.TryTakeChange(PenWriter(), out var wait))
        {
            throw HubRefusal.Create(HubRefusal.RateLimited, "too-fast", PenLimits.TooQuickly(wait), [RetryAfter.Seconds(wait)]);
        }
    }

    /// <summary>Whose allowance the pen takes: the sign-in's, which no new connection or copied header resets.</summary>
    private string PenWriter() => "sign-in:" + (StaffMember.Of(Context.User)?.SignInId ?? Context.ConnectionId);
}
