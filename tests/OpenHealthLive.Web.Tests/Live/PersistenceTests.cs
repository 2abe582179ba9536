using Microsoft.AspNetCore.SignalR.Client;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Web.Live;
using OpenHealthLive.Web.Tests.Infrastructure;

namespace OpenHealthLive.Web.Tests.Live;

public sealed class PersistenceTests
{
    [Fact]
    public async Task The_current_slide_and_its_version_survive_a_restart()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("ohl-restart-").FullName;
        try
        {
            SlideState before;
            using (var first = new OpenHealthLiveFactory(dataDirectory))
            {
                await using var presenter = await first.ConnectAsync(await first.SignInAsync());
                before = await presenter.InvokeAsync<SlideState>(nameof(LiveHub.GoToSlide), OpenHealthLiveFactory.DefaultCode, 3, 0);
            }

            Assert.True(File.Exists(Path.Combine(dataDirectory, "openhealthlive.db")));
            using var second = new OpenHealthLiveFactory(dataDirectory);
            await using var phone = await second.ConnectAsync();
            var after = await phone.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), OpenHealthLiveFactory.DefaultCode);
            Assert.Equal(3, after.Slide);
            Assert.Equal(before.Version, after.Version);
        }
        finally
        {
            OpenHealthLiveFactory.DeleteDataDirectory(dataDirectory);
        }
    }

    [Fact]
    public async Task The_projector_blackout_join_code_and_caption_bar_survive_a_restart()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("ohl-projector-").FullName;
        try
        {
            using (var first = new OpenHealthLiveFactory(dataDirectory))
            {
                await using var console = await first.ConnectAsync(await first.SignInAsync());
                await console.InvokeAsync<ProjectorState>(nameof(LiveHub.SetProjector), OpenHealthLiveFactory.DefaultCode, true, true);
                await console.InvokeAsync<ProjectorState>(nameof(LiveHub.SetProjectorCaptions), OpenHealthLiveFactory.DefaultCode, true);
            }

            using var second = new OpenHealthLiveFactory(dataDirectory);
            await using var projector = await second.ConnectAsync(await second.SignInAsync());
            var joined = await projector.InvokeAsync<PresenterJoined>(nameof(LiveHub.JoinAsPresenter), OpenHealthLiveFactory.DefaultCode);
            Assert.True(joined.Projector.Blackout, "blackout was lost");
            Assert.True(joined.Projector.JoinOverlay, "the join code was lost");
            Assert.True(joined.Projector.Captions, "the caption bar was lost");
        }
        finally
        {
            OpenHealthLiveFactory.DeleteDataDirectory(dataDirectory);
        }
    }

    [Fact]
    public async Task A_generated_default_code_is_kept_across_restarts()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("ohl-code-").FullName;
        try
        {
            string code;
            using (var first = new OpenHealthLiveFactory(dataDirectory))
            {
                first.Settings["Join:DefaultSessionCode"] = null;
                code = (await first.GetService<LiveSessionService>().FindDefaultAsync(CancellationToken.None))!.Code;
                Assert.Matches("^[A-HJ-KM-NP-Z2-9]{6}$", code);
            }

            using var second = new OpenHealthLiveFactory(dataDirectory);
            second.Settings["Join:DefaultSessionCode"] = null;
            Assert.Equal(code, (await second.GetService<LiveSessionService>().FindDefaultAsync(CancellationToken.None))!.Code);
            using var client = second.CreatePlainClient();
            Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/j/" + code)).StatusCode);
        }
        finally
        {
            OpenHealthLiveFactory.DeleteDataDirectory(dataDirectory);
        }
    }
}
