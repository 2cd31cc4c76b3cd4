namespace IKomek.Dashboard.Features.DemoCity;

/// <summary>
/// The residents who appeal, by district. A few write often and most rarely: a resident is drawn as
/// pool x u^k, which makes the low keys frequent writers. The pool grows through the period (the city
/// adds 50-100 thousand people a year and more of them learn about 109).
/// </summary>
internal sealed class Residents
{
    // Sized so that the newest year at scale 1 sees about 575,000 unique residents (DOMAIN.md, 2020).
    private const double PoolAtScale1 = 700_000;
    private const double Skew = 1.9;

    private readonly AddressBook _addresses;
    private readonly ulong _salt;
    private readonly int[] _poolSize;     // by district id - 1
    private readonly int[] _offset;       // global index of each district's first resident

    public Residents(AddressBook addresses, int seed, double scale)
    {
        _addresses = addresses;
        _salt = Rng.Hash((ulong)(uint)seed, Rng.StableHash("residents"));
        var total = CityStructure.Districts.Sum(d => d.Population);
        _poolSize = CityStructure.Districts.Select(d => Math.Max(50, (int)(PoolAtScale1 * scale * d.Population / total))).ToArray();
        _offset = new int[_poolSize.Length];
        for (var i = 1; i < _offset.Length; i++)
        {
            _offset[i] = _offset[i - 1] + _poolSize[i - 1];
        }
    }

    /// <param name="progress">0 at the start of the period, 1 at its end.</param>
    public (long CitizenId, Location Home) Pick(short districtId, double progress, Random rng)
    {
        var active = _poolSize[districtId - 1] * (0.6 + 0.4 * progress);
        var local = (int)(active * Math.Pow(rng.NextDouble(), Skew));
        var global = (ulong)(_offset[districtId - 1] + local);
        var key = Rng.Hash(_salt, global);
        return ((long)(key >> 24), _addresses.Home(districtId, Rng.Mix(key)));
    }
}
