namespace OpenHealthLive.Web.Questions;

/// <summary>What Q&amp;A pushes to clients (part of the hub's client, ILiveClient; wire names in docs/live-protocol.md).</summary>
public interface IQuestionsClient
{
    /// <summary>Visible questions that changed or disappeared; sent to everyone following, batched.</summary>
    Task QuestionsChanged(QuestionsChanged changes);

    /// <summary>Every question change, held and hidden ones included; presenter devices only.</summary>
    Task ModerationChanged(ModerationChanged changes);

    /// <summary>Pre-moderation, the question being answered, questions open or closed, or slow mode changed.</summary>
    Task QnaSettingsChanged(QnaSettingsChanged settings);

    /// <summary>A phone was blocked or unblocked; staff devices only.</summary>
    Task BlockedDevicesChanged(BlockedDevicesChanged blocked);
}
