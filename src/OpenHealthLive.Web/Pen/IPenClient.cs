namespace OpenHealthLive.Web.Pen;

/// <summary>What the speaker's pen pushes to clients (part of the hub's client, ILiveClient; wire names in docs/live-protocol.md).</summary>
public interface IPenClient
{
    /// <summary>The pen drew, finished, erased or cleared strokes of a slide the room has been shown; sent to everyone following.</summary>
    Task InkChanged(InkChanged ink);
}
