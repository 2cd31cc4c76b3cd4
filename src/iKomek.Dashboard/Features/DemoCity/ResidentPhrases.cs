namespace IKomek.Dashboard.Features.DemoCity;

/// <summary>
/// How residents say a problem, not how the catalogue names it: symptoms and situations, often without the topic's key
/// word ("во дворе опять потоп после дождя" for storm drainage, "мусор третий день" for waste collection), slang and
/// colloquial forms. Keyed by problem (area.problem of the catalogue, all its objects); "{o}" is where the object goes
/// (a phrase without it gets the object after it, or none). Kept as a table so that it reads like one.
/// </summary>
internal static class ResidentPhrases
{
    // R area.problem | ru phrases ; ... | kk phrases ; ...
    private const string Data = """
R heating.no_heat | {o} дубак, батареи ледяные | {o} холодно как на улице, дети в куртках сидят | когда уже тепло дадут, мерзнем | {o} батареи еле теплые хотя сезон начался, спим в одежде | труба холодная а на улице минус тридцать | {o} колотун, батарейки вообще холодные | {o} жылу жоқ, балалар тоңып отыр | {o} қатты суық, батарея мұздай | тоңып жатырмыз, жылу қашан болады
R heating.weak_heat | {o} чуть теплые батареи, в квартире +16 | {o} градусов 15 не больше, обогреватель включаем | {o} батарея әрең жылы, бөлмеде 16 градус
R heating.radiator_leak | {o} с батареи капает на пол, тазик подставили | соседей снизу заливаем из-за батареи | {o} батареядан су тамып тұр
R heating.pipe_burst | {o} из под земли пар валит, все в тумане | {o} кипяток хлещет из люка | {o} жерден бу шығып жатыр
R heating.season_start | когда дадут тепло в этом году | во сколько включат отопление? | жылу қашан береді биыл
R water_supply.no_cold | {o} воды нет с утра ни холодной ни какой | кран открываешь а там шипит и ничего | {o} опять без воды сидим, ни помыться ни приготовить | {o} су жоқ таңертеңнен бері | крандан ештеңе ақпайды
R water_supply.no_hot | {o} только холодная течет, горячей нет третий день | {o} помыться нечем, горячку отключили | {o} ыстық су жоқ, жуына алмай жүрміз
R water_supply.low_pressure | {o} вода еле капает на пятом этаже | напор никакой, стиралка не набирает | {o} су әрең ағады
R water_supply.dirty | {o} из крана течет коричневая жижа | вода желтая и воняет, пить страшно | {o} су лай, сары түсті
R water_supply.main_leak | {o} из под асфальта бьет фонтан | {o} целая река течет из под земли с утра | {o} асфальт астынан су атқылап тұр
R sewerage.blockage | {o} унитаз не смывает, все стоит | раковина не уходит, вода стоит | {o} забилось все, пользоваться нельзя | {o} унитаз бітеліп қалды
R sewerage.overflow | {o} говно течет по земле, вонь жуткая | {o} из колодца фекалии льются | {o} кәріз суы жерге ағып жатыр, сасық
R sewerage.smell | {o} воняет так что дышать невозможно | {o} несет тухлятиной из подвала | {o} сасық иіс, дем алуға болмайды
R sewerage.flooded_basement | в подвале болото и вонища | подвал залит, комары тучами | жертөледе сасық су тұр
R storm_drainage.flooding | {o} опять потоп после дождя | {o} после дождя не пройти, по колено | {o} вода стоит неделю, не уходит никуда | как дождь так {o} озеро | {o} лужа на всю дорогу, машины обливают | после ливня затопило {o} | {o} жаңбыр жауса болды су басады | {o} жаңбырдан кейін көл болып тұр
R storm_drainage.thaw_water | {o} снег тает и все течет к нам | {o} весной вода по щиколотку | {o} қар еріп су басты
R storm_drainage.drain_blocked | {o} решетка забита листьями, вода не уходит | водосток забит, дождевая вода стоит | {o} су кетпейді, тор бітеліп қалған
R storm_drainage.grate_missing | {o} яма с водой без решетки, колесо провалилось | {o} ашық құдық, тор жоқ
R electricity.no_power | {o} нет света | {o} свет вырубили и тишина | {o} сидим без света с обеда | {o} электричество пропало, холодильник течет | опять свет отрубили | {o} жарық жоқ | {o} жарық сөніп қалды
R electricity.voltage | {o} свет мигает, лампочки горят | {o} напряжение прыгает, техника выключается | {o} жарық жыпылықтайды
R electricity.wires | {o} провод висит прям над головой, искрит | {o} оборванный провод на земле лежит, дети ходят | {o} сым салбырап тұр
R gas.leak | {o} воняет газом | {o} пахнет газом сильно, страшно | {o} газ иісі шығып тұр
R gas.no_gas | {o} плита не горит, газа нет | {o} газ жоқ, тамақ пісіре алмай отырмыз
R elevators.stopped | {o} лифт опять стоит, на 9 этаж пешком | лифт не ездит неделю, бабушки не могут выйти | {o} лифт істемейді, тоғызыншы қабатқа жаяу
R elevators.stuck | ребенок застрял в лифте, помогите | {o} лифтіде бала қамалып қалды
R housing_maintenance.leak_roof | {o} с потолка течет при каждом дожде | {o} крыша дырявая, заливает верхний этаж | {o} төбеден су ағады
R housing_maintenance.dirty_entrance | {o} грязища, полы никто не моет месяц | {o} в подъезде срач | {o} кіреберіс лас, ешкім жумайды
R housing_maintenance.light_entrance | нет света в подъезде | {o} темно хоть глаз выколи, лампочки нет | {o} кіреберісте жарық жоқ
R housing_maintenance.doors_entrance | {o} дверь не закрывается, бомжи ночуют | {o} домофон сломан, дверь нараспашку | {o} есік жабылмайды
R housing_maintenance.pests | {o} тараканы полезли от соседей | {o} крысы бегают | {o} тарақан көбейіп кетті
R emergency_housing.collapse_threat | {o} стена трещит, того и гляди рухнет | {o} дом качается, потолок сыпется | {o} қабырға құлайын деп тұр
R waste_collection.not_collected | мусор третий день | {o} мусорка переполнена, никто не забирает | {o} баки полные, мусор уже рядом лежит | мусоровоз не приезжал неделю | {o} помойка воняет, не вывозят | {o} қоқыс үш күннен бері шығарылмаған | қоқыс көлігі келмей жатыр
R waste_collection.containers | {o} бак сломан, мусор кидают на землю | {o} мусорных баков нет вообще | {o} қоқыс жәшігі жоқ
R waste_collection.bulky | {o} старые диваны и шкафы свалены у мусорки | {o} строительный хлам лежит месяц | {o} ескі жиһаз үйіліп жатыр
R sanitation.litter | {o} бутылки и пакеты валяются, никто не убирает | {o} кругом грязь и бумажки | {o} после выходных все в мусоре | {o} бос бөтелкелер шашылып жатыр
R sanitation.urns | {o} урны переполнены, мусор на асфальте | {o} некуда выкинуть фантик | {o} урна толып кетті
R sanitation.dust | {o} пыль столбом, дышать нечем | {o} дорогу не моют, пыль в окна | {o} шаң, көшені жумайды
R sanitation.leaves | {o} листья кучами лежат с осени | {o} жапырақ жиналмай жатыр
R sanitation.dead_animal | {o} дохлая собака лежит второй день | {o} өлген ит жатыр
R snow_ice.snow_not_cleared | {o} снегу по колено, не пройти | {o} не чистят снег, машину не выгнать | {o} замело все, ни одна техника не приезжала | {o} қар тазаланбаған, жүре алмаймыз
R snow_ice.ice | {o} каток, бабушка упала | {o} скользко жесть, ничем не посыпано | {o} тайғақ, адамдар құлап жатыр
R snow_ice.icicles | {o} сосули висят над входом, страшно ходить | {o} мұз сүңгілері салбырап тұр
R roads_sidewalks.potholes | {o} ямы такие что машину разбил | {o} дорога в дырах, колесо пробил | {o} асфальта нет одни колдобины | {o} жолда шұңқыр көп, көлік бұзылды
R roads_sidewalks.sidewalk_broken | {o} плитка вздыбилась, спотыкаемся | {o} тротуар разбит, с коляской не пройти | {o} тротуар бұзылған
R roads_sidewalks.unpaved | {o} грязь по колено, асфальта нет | {o} после дождя не проехать, грунтовка | {o} асфальт жоқ, балшық
R roads_sidewalks.after_digging | {o} раскопали и бросили, яма огорожена лентой | {o} қазып тастап кетті
R street_lighting.lights_off | {o} фонари не горят, вечером страшно | {o} темно как в лесу | {o} ни одного фонаря не горит | {o} шамдар жанбайды, қараңғы
R street_lighting.blinking | {o} фонарь моргает всю ночь | {o} шам жыпылықтап тұр
R public_transport.interval | автобус ждали час на морозе | {o} маршрутка не ходит, полчаса стоим | автобус 12 вообще не приходит по утрам | автобусты бір сағат күттік
R public_transport.rude_driver | водила нахамил и не дал сдачи | водитель орал на бабушку | жүргізуші дөрекі сөйледі
R public_transport.crowded | в автобусе как селедки, не влезть | автобус толы, кіре алмадық
R traffic_parking.traffic_light | {o} светофор не работает, машины летят | {o} светофор сломан, чуть не сбили | {o} бағдаршам істемейді
R traffic_parking.parking_lot | {o} машины ставят на газоне и тротуаре | {o} машину негде поставить | {o} көлік қоятын жер жоқ
R traffic_parking.speed_bump | {o} гоняют как ненормальные, нужен лежачий | {o} жылдам жүреді, кедергі керек
R landscaping.playground | {o} качели сломаны, ребенок поранился | {o} горка ржавая, гвозди торчат | {o} детям негде играть, площадка развалилась | {o} әткеншек сынған
R landscaping.trees_cut | {o} дерево наклонилось над машинами, упадет | {o} сухое дерево вот вот рухнет | {o} ағаш құлайын деп тұр
R landscaping.pruning | {o} ветки лезут в окна, темно в квартире | {o} бұтақтар терезеге тиіп тұр
R landscaping.watering | {o} газон высох, все желтое | {o} деревья засохли, никто не поливает | {o} шөп қурап қалды
R landscaping.benches | {o} лавочки сломаны, посидеть негде | {o} орындық жоқ
R landscaping.mowing | {o} бурьян выше человека | {o} трава по пояс, клещи | {o} шөп белуардан
R landscaping.yard_improvement | {o} двор убитый, ни асфальта ни зелени | {o} сделайте нормальный двор | {o} аула абаттандырылмаған
R construction.noise_night | {o} стройка долбит по ночам, спать невозможно | {o} всю ночь бетономешалки гудят | {o} түнде құрылыс шулайды
R construction.no_fence | {o} котлован без забора, дети лазят | {o} стройка открытая, ограды нет | {o} құрылыс қоршалмаған
R construction.dirt_site | {o} грузовики со стройки грязь развозят | {o} от стройки пыль и грязь на всю улицу | {o} құрылыстан балшық
R construction.shared_equity | дом должны были сдать два года назад, деньги вложили | застройщик пропал, квартиры нет | үй салынбай жатыр, ақша төледік
R construction.defects | {o} в новостройке стены кривые, трещины | сдали дом с кучей брака | жаңа үйде жарықтар бар
R construction.illegal_build | сосед пристраивает без разрешения | {o} рұқсатсыз салып жатыр
R health.appointment | к терапевту не записаться, талонов нет | в поликлинику не дозвониться | дәрігерге жазыла алмаймын
R health.ambulance_late | скорую ждали два часа | жедел жәрдем келмеді
R health.rude_staff | медсестра нахамила в регистратуре | дәрігер дөрекі сөйледі
R education.kg_queue | в садик очередь не двигается третий год | балабақшаға кезек жылжымайды
R education.extortion | в классе опять собирают деньги на шторы | мектепте ақша жинайды
R education.food | {o} кормят отвратительно, дети голодные | {o} тамақ нашар
R social_support.benefit | пособие не пришло за два месяца | жәрдемақы түспеді
R public_order.noise | {o} соседи орут до утра | {o} музыка долбит всю ночь | {o} түнімен музыка
R public_order.drinking | {o} алкаши собираются каждый вечер | {o} маскүнемдер жиналады
R public_order.smoking | {o} накурено, дышать нечем | {o} темекі шегеді
R stray_animals.dogs | {o} стая собак бросается на детей | {o} собаки бегают стаей, страшно выйти | {o} иттер үйір болып жүр
R stray_animals.bite | ребенка покусала собака | итті бала тістеп алды
R stray_animals.cats | {o} кошек полно, вонь | {o} мысықтар көп
R ecology.smoke | {o} дымом воняет, окно не открыть | {o} смог, вечером дышать нечем | {o} түтін, дем алу қиын
R ecology.dump | {o} вывалили кучу мусора прямо на пустыре | {o} свалку устроили | {o} қоқыс төгіп кеткен
R ecology.burning_grass | {o} жгут траву, дым в квартиры | {o} шөп өртеп жатыр
R trade_services.illegal_trade | {o} торгуют с машин прямо на дороге | {o} бабушки с овощами весь тротуар заняли | {o} көліктен сауда жасайды
R trade_services.prices | в магазине цены задрали в два раза | хлеб подорожал, куда смотрят | бағалар қымбаттап кетті
R trade_services.quality_goods | продали тухлое мясо | купил просрочку в магазине у дома | мерзімі өткен тауар сатты
R trade_services.alcohol_minors | {o} ночью пиво продают школьникам | {o} балаларға сыра сатады
R trade_services.no_receipt | чек не дают, только перевод на карту | в аптеке не дали чек | чек бермейді
R trade_services.consumer_rights | вернуть деньги за сломанный телефон отказываются | телефонды қайтармайды
R trade_services.cafe_sanitary | в кафе грязно, отравились шаурмой | асханада лас, уланып қалдық
R utility_billing.wrong_charges | в квитанции насчитали за воду в три раза больше | пришла сумма как за дворец | түбіртекте артық ақша жазылған
R utility_billing.tariffs | опять подняли за свет, пенсии не хватает | тариф тағы өсті
R land_architecture.plot | жду землю по очереди 10 лет | жер кезегі жылжымайды
R other_services.documents | справку не выдают, гоняют по кабинетам | анықтама бермейді
R other_services.egov_error | на егове ошибка, не могу подать | egov істемейді
R other_services.queue_con | в цоне очередь на полдня | ХҚКО-да кезек көп
""";

    /// <summary>Phrases per problem code: Russian and Kazakh (empty arrays where none).</summary>
    public static IReadOnlyDictionary<string, (string[] Ru, string[] Kk)> ByProblem { get; } = Parse();

    private static Dictionary<string, (string[] Ru, string[] Kk)> Parse()
    {
        var result = new Dictionary<string, (string[] Ru, string[] Kk)>(StringComparer.Ordinal);
        foreach (var raw in Data.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            if (!line.StartsWith("R ", StringComparison.Ordinal)) throw new FormatException($"Resident phrase line not understood: {line}");
            var fields = line[2..].Split('|', StringSplitOptions.TrimEntries);
            var phrases = fields.Skip(1).ToArray();
            // Kazakh phrases are told apart by their letters; the table keeps them after the Russian ones.
            var kk = phrases.Where(IsKazakh).ToArray();
            result.Add(fields[0], (phrases.Where(p => !IsKazakh(p)).ToArray(), kk));
        }
        return result;
    }

    private static bool IsKazakh(string phrase) =>
        phrase.AsSpan().IndexOfAny("әғқңөұүһіӘҒҚҢӨҰҮҺІ") >= 0 || phrase.Contains("жоқ", StringComparison.Ordinal) || phrase.StartsWith("egov", StringComparison.Ordinal);
}
