using OpenHealthLive.Core.Tests.Architecture;
using Xunit.Abstractions;

namespace OpenHealthLive.Web.Tests.Architecture;

public sealed class FolderDependencyTests(ITestOutputHelper output)
{
    [Fact]
    public void No_folder_of_Web_depends_on_a_folder_that_depends_back_on_it()
    {
        var graph = new FolderDependencies(typeof(Program).Assembly);
        foreach (var (from, targets) in graph.Edges)
        {
            output.WriteLine($"{from} → {string.Join(", ", targets.Keys)}");
        }

        var cycles = graph.Cycles();

        Assert.True(cycles.Count == 0, $"Folder cycles in OpenHealthLive.Web:\n{string.Join("\n", cycles)}");
    }

    [Fact]
    public void A_compiled_Razor_page_counts_for_its_folder()
    {
        // Guards the reader itself: the presenter's page (Pages/Presenter/Index.cshtml) names the Live hub's wire.
        var edges = new FolderDependencies(typeof(Program).Assembly).Edges;

        Assert.Contains("Live", edges["Pages"].Keys);
    }
}
