namespace OpenHealthLive.Web.Presenter;

/// <summary>What a staff member may do with a session, checked at every request and hub call (<see cref="StaffMember.Can(StaffRight, string?)"/>).</summary>
public enum StaffRight
{
    /// <summary>See everything of the session: slides ahead, notes, held questions, hidden results. The organiser, the speaker and the moderator.</summary>
    See,

    /// <summary>Moderate questions, open and close polls, show results, set the Q&amp;A controls. The organiser, the speaker and the moderator.</summary>
    Moderate,

    /// <summary>Move the slides, run the timer, black out or overlay the projector, end the talk (and open it again). The speaker and the organiser.</summary>
    Drive,

    /// <summary>
    /// Write the session's live captions (the caption console, the captions endpoint). The organiser, the speaker (a
    /// colleague at the speaker's laptop) and the captioner; not the moderator, whose page is the questions and polls.
    /// </summary>
    Caption,

    /// <summary>Create sessions, erase what their audience sent, hand out and revoke speaker and moderator links. The organiser only.</summary>
    Organise,
}
