using Microsoft.Extensions.DependencyInjection;
using Prow.Clients.GitHub;

namespace Prow.Clients.Tests.GitHub;

public sealed class ServiceRegistrationTests
{
    [Fact]
    public void AddGitHubClient_EveryRoleInterface_IsTheOneSharedClient()
    {
        var services = new ServiceCollection().AddGitHubClient(o =>
        {
            o.Endpoints.Add(new Uri("http://ghproxy"));
            o.Endpoints.Add(new Uri("https://api.github.com"));
            o.DryRun = true;
        });
        using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<GitHubClient>();

        Assert.Same(client, provider.GetRequiredService<IGitHubClient>());
        Assert.Same(client, provider.GetRequiredService<IIssueClient>());
        Assert.Same(client, provider.GetRequiredService<IPullRequestClient>());
        Assert.Same(client, provider.GetRequiredService<IStatusClient>());
        Assert.Same(client, provider.GetRequiredService<IRepositoryClient>());
        Assert.Same(client, provider.GetRequiredService<IOrganizationClient>());
        Assert.Same(client, provider.GetRequiredService<ISearchClient>());
        Assert.Same(client, provider.GetRequiredService<IUserClient>());
    }
}
