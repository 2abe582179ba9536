namespace OpenHealthLive.Web.Presenter;

/// <summary>What a staff member may do with a session, checked at every request and hub call (<see cref="StaffMember.Can(StaffRight, string?)"/>).</summary>
public enum StaffRight
{
    /// <summary>See everything of the session: slides ahead, notes, held questions, hidden results. Every staff role.</summary>
    See,

    /// <summary>Moderate questions, open and close polls, show results, set the Q&amp;A controls. Every staff role.</summary>
    Moderate,

    /// <summary>Move the slides, run the timer, black out or overlay the projector. The speaker and the organiser.</summary>
    Drive,

    /// <summary>Create, end and erase sessions, hand out and revoke speaker and moderator links. The organiser only.</summary>
    Organise,
}
