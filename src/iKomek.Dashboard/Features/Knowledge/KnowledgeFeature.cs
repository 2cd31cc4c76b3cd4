using IKomek.Dashboard.Platform.Cli;
using IKomek.Dashboard.Platform.Jobs;

namespace IKomek.Dashboard.Features.Knowledge;

public static class KnowledgeFeature
{
    /// <summary>The operators' knowledge base: its mining (a nightly job and the kb-mine verb), its search and the editors' writes.</summary>
    public static IServiceCollection AddKnowledge(this IServiceCollection services) => services
        .AddSingleton<KnowledgeMining>()
        .AddSingleton<KnowledgeQueries>()
        .AddSingleton<KnowledgeWriter>()
        .AddScheduledJob<KnowledgeMiningJob>(KnowledgeMiningJob.Schedule)
        .AddVerb<KnowledgeMineVerb>();
}
