using IKomek.Dashboard.Platform.Access;

namespace IKomek.Dashboard.Tests.Platform.Access;

public sealed class SupervisedOrderTests
{
    private static readonly int[] Ranked = [5, 3, 9, 1, 7, 2];

    [Fact]
    public void SupervisedFirst_WithoutAScope_IsTheRankedTop() =>
        Assert.Equal([5, 3, 9], Ranked.SupervisedFirst(null, i => i, 3));

    [Fact]
    public void SupervisedFirst_PutsTheSupervisedFirstInRankedOrder_ThenTheOthers() =>
        Assert.Equal([7, 2, 5], Ranked.SupervisedFirst(new HashSet<int> { 2, 7 }, i => i, 3));

    [Fact]
    public void SupervisedFirst_KeepsEverySupervisedKey_BeyondTheLimit() =>
        Assert.Equal([3, 1, 7, 2], Ranked.SupervisedFirst(new HashSet<int> { 2, 7, 1, 3, 42 }, i => i, 2));

    [Fact]
    public void SupervisedFirst_WithAnEmptyScope_IsTheRankedTop() =>
        Assert.Equal([5, 3], Ranked.SupervisedFirst(new HashSet<int>(), i => i, 2));
}
