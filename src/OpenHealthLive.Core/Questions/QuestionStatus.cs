namespace OpenHealthLive.Core.Questions;

/// <summary>Who can see a question.</summary>
public enum QuestionStatus
{
    /// <summary>Everyone in the session.</summary>
    Visible = 0,

    /// <summary>Only the presenter, until approved: pre-moderation, or the patient-data guard fired.</summary>
    Held = 1,

    /// <summary>Only the presenter: hidden by moderation.</summary>
    Hidden = 2,
}
