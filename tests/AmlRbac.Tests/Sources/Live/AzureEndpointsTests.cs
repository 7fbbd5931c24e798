using Xunit;

using AmlRbac.Sources.Live;

namespace AmlRbac.Tests.Sources.Live;

/// <summary>Which Microsoft Graph goes with an ARM URL: the same cloud's, or the given one.</summary>
public sealed class AzureEndpointsTests
{
    [Theory]
    [InlineData("https://management.azure.com/", "https://graph.microsoft.com/v1.0/")]
    [InlineData("https://management.usgovcloudapi.net", "https://graph.microsoft.us/v1.0/")]
    [InlineData("https://management.chinacloudapi.cn/", "https://microsoftgraph.chinacloudapi.cn/v1.0/")]
    [InlineData("http://127.0.0.1:5123/", "http://127.0.0.1:5123/v1.0/")]
    public void TheGraphOfTheCloudGoesWithItsArmUrl(string arm, string graph)
    {
        var endpoints = AzureEndpoints.ForResourceManager(new Uri(arm));

        Assert.Equal(graph, endpoints.MicrosoftGraph.AbsoluteUri);
        Assert.EndsWith("/", endpoints.ResourceManager.AbsoluteUri);
    }

    [Fact]
    public void AGivenGraphUrlWinsAndKeepsItsVersion()
    {
        var endpoints = AzureEndpoints.ForResourceManager(new Uri("https://management.azure.com"), new Uri("https://graph.example.net/beta"));

        Assert.Equal("https://graph.example.net/beta/", endpoints.MicrosoftGraph.AbsoluteUri);
        Assert.Equal("https://graph.example.net/beta/groups", new Uri(endpoints.MicrosoftGraph, "groups").AbsoluteUri);
    }

    [Fact]
    public void AUrlWithAQueryIsRefused()
    {
        Assert.Throws<ArgumentException>(() => AzureEndpoints.ForResourceManager(new Uri("https://management.azure.com/?x=1")));
    }
}
