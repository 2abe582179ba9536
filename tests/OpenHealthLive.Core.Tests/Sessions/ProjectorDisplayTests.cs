using OpenHealthLive.Core.Sessions;

namespace OpenHealthLive.Core.Tests.Sessions;

public sealed class ProjectorDisplayTests
{
    [Fact]
    public void A_new_sessions_projector_shows_the_slide_alone_no_blackout_no_join_code_no_captions()
    {
        var plain = ProjectorDisplay.Plain;

        Assert.False(plain.Blackout);
        Assert.False(plain.JoinOverlay);
        Assert.False(plain.Captions);
        Assert.Equal(0, plain.Revision);
    }
}
