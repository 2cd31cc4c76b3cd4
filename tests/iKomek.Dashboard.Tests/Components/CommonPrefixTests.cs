using IKomek.Dashboard.Components.Shared;

namespace IKomek.Dashboard.Tests.Components;

public sealed class CommonPrefixTests
{
    [Fact]
    public void Strip_DepartmentsThatStartAlike_KeepTheirDistinguishingWords()
    {
        var names = CommonPrefix.Strip(["Управление жилищной инспекции", "Управление коммунального хозяйства", "Аппарат акима района «Байконыр»"]);

        Assert.Equal(["Жилищной инспекции", "Коммунального хозяйства", "Аппарат акима района «Байконыр»"], names);
    }

    [Fact]
    public void Strip_KazakhNamesThatEndAlike_LoseTheSharedLastWord()
    {
        var names = CommonPrefix.Strip(["Тұрғын үй инспекциясы басқармасы", "Сумен жабдықтау басқармасы"]);

        Assert.Equal(["Тұрғын үй инспекциясы", "Сумен жабдықтау"], names);
    }

    [Fact]
    public void Strip_NothingShared_LeavesNamesAsTheyAre()
    {
        string[] names = ["Контакт-центр 109", "Telegram-бот"];

        Assert.Equal(names, CommonPrefix.Strip(names));
    }

    [Fact]
    public void Strip_OneWordName_IsNeverEmptied()
    {
        Assert.Equal(["Управление", "Энергетики", "Спорта"], CommonPrefix.Strip(["Управление", "Управление энергетики", "Управление спорта"]));
    }
}
