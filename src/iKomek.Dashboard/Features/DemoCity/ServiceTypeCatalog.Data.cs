namespace IKomek.Dashboard.Features.DemoCity;

internal static partial class ServiceTypeCatalog
{
    // The 28 areas of DOMAIN.md in its table's order (left column, then right column), each with
    // its objects (where the trouble is) and problem stems. A service type is a stem at an object:
    // "Нет отопления" x "в квартире" = heating.no_heat_flat. Kept as text so that the content reads
    // like a table and stays out of the code.
    //
    // A code | ru | kk | en | flags (ls = life support; home|place = the resident's address or a place in the city) | department | weight | organisation kinds
    // O code | ru (after the stem) | kk (before the stem) | en (after the stem) | weight
    // P code | ru variants | kk variants | en variants (first = the type's name) | SLA working days, c critical, i information,
    //   h hard, w=weight, dept=, org=, home|place | objects (- = none) | ru keywords | kk keywords
    private const string Data = """
A heating | Теплоснабжение | Жылумен жабдықтау | Heat supply | ls home | energy | 9 | heat_network
O flat | в квартире | пәтерде | in the flat | 5
O entrance | в подъезде | кіреберісте | in the stairwell | 1.5
O house | во всём доме | бүкіл үйде | in the whole building | 2
O block | в нескольких домах квартала | кварталдың бірнеше үйінде | in several buildings of the block | 0.5
O school | в школе | мектепте | at the school | 0.4
O kindergarten | в детском саду | балабақшада | at the kindergarten | 0.4
O clinic | в поликлинике | емханада | at the clinic | 0.2
O basement | в подвале | жертөледе | in the basement | 0.6
O yard | во дворе | аулада | in the yard | 0.5
O street | на улице | көшеде | in the street | 0.4
O hospital | в больнице | ауруханада | at the hospital | 0.2
O hostel | в общежитии | жатақханада | in the dormitory | 0.3
O private | в частном доме | жеке үйде | in a private house | 0.5
P no_heat | Нет отопления; батареи холодные; отопление не работает; не греют батареи; отключили отопление | жылу жоқ; батареялар суық; жылу берілмейді; батарея жылымайды | No heating; the radiators are cold; the heating does not work | 1 c w=3 | flat entrance house block school kindergarten clinic hospital hostel private | отопление батареи холодно тепло | жылу батарея суық
P weak_heat | Слабое отопление; батареи еле тёплые; плохо греют батареи; холодно в помещении | жылу әлсіз; батареялар әрең жылы; бөлмеде суық | Weak heating; the radiators are barely warm; it is cold inside | 3 w=3 | flat entrance house school kindergarten clinic hospital hostel private | отопление слабое холодно батареи | жылу әлсіз суық
P radiator_leak | Течь радиатора; протекает батарея; капает с батареи; лопнула батарея | радиатор ағып тұр; батарея ағып жатыр; батарея жарылып кетті | Leaking radiator; the radiator is leaking; water drips from the radiator | 1 w=1.2 | flat entrance school kindergarten | течь радиатор батарея капает | радиатор батарея ағып
P airlock | Завоздушивание стояка; стояк завоздушен; верхние этажи не прогреваются | стояк ауаға толған; жоғарғы қабаттар жылымайды | Air lock in the heating riser; the upper floors are not heated | 3 | flat house | стояк воздух завоздушен | стояк ауа
P overheat | Перетоп; слишком жарко; батареи слишком горячие | тым ыстық; батареялар қатты қызып кетті | Overheating; it is too hot; the radiators are too hot | 5 w=0.6 | flat house school kindergarten | жарко перетоп горячие | ыстық қызып
P pipe_burst | Порыв теплотрассы; прорвало трубу отопления; пар идёт из-под земли; хлещет кипяток | жылу құбыры жарылды; жерден бу шығып жатыр; ыстық су ағып жатыр | Heating main burst; steam is coming out of the ground; boiling water is gushing | 1 c | basement yard street | порыв теплотрасса пар труба кипяток | құбыр бу жарылды
P insulation | Промерзание стен; стены промерзают; плесень из-за холода | қабырғалар қатып қалады; суықтан зең басты | Freezing walls; mould because of the cold | 10 h w=0.5 | flat entrance house | промерзание стены плесень | қабырға зең
P noise_pipes | Шум в трубах отопления; стук в батареях; гудят трубы отопления | жылу құбырларында шу; батарея тықылдайды | Noise in the heating pipes; knocking in the radiators | 7 w=0.3 | flat house | шум стук трубы | шу құбыр
P meter | Неисправен теплосчётчик; не работает прибор учёта тепла | жылу есептегіші бұзылған; жылу есептегіші істемейді | Faulty heat meter; the heat meter does not work | 7 w=0.4 | flat house | счётчик теплосчётчик учёт | есептегіш
P season_start | Информация о начале отопительного сезона; когда дадут отопление; когда включат тепло | жылыту маусымы қашан басталады; жылу қашан беріледі | Start of the heating season; when will the heating be turned on | 3 i w=2 | - | отопительный сезон включат | жылыту маусымы
P season_end | Информация об окончании отопительного сезона; когда отключат отопление | жылыту маусымы қашан аяқталады; жылу қашан өшіріледі | End of the heating season; when will the heating be turned off | 3 i w=0.5 | - | отопительный сезон отключат | жылыту маусымы өшіру
P planned_outage | График плановых отключений тепла; плановое отключение отопления | жылуды жоспарлы өшіру кестесі; жылу жоспарлы түрде өшіріледі | Schedule of planned heating outages; planned heating shutdown | 3 i | - | график отключение плановое | кесте өшіру
P heat_bill | Консультация по оплате за отопление; почему такая сумма за отопление | жылу ақысы бойынша кеңес; жылу үшін төлем неге көп | Heating bill consultation; why is the heating bill so high | 5 i | - | оплата сумма отопление | төлем жылу ақы
P boiler | Не работает котельная; авария в котельной | қазандық істемейді; қазандықта апат | The boiler house is down; boiler house failure | 1 c | private block school | котельная авария | қазандық апат
P valve | Течь запорной арматуры; протекает кран на стояке отопления | жылу стоягының краны ағып тұр | Leaking valve on the heating riser | 2 | flat basement | кран стояк течь | кран стояк
P rusty_pipes | Замена труб отопления; сгнили трубы отопления | жылу құбырларын ауыстыру; құбырлар шіріп кетті | Replacement of heating pipes; the heating pipes have rotted | 10 h | flat basement house | трубы замена | құбыр ауыстыру

A water_supply | Водоснабжение | Сумен жабдықтау | Water supply | ls home | water | 8 | water_network
O flat | в квартире | пәтерде | in the flat | 5
O house | во всём доме | бүкіл үйде | in the whole building | 2
O block | в микрорайоне | шағын ауданда | in the neighbourhood | 0.8
O private | в частном секторе | жеке секторда | in the private housing area | 0.6
O school | в школе | мектепте | at the school | 0.2
O kindergarten | в детском саду | балабақшада | at the kindergarten | 0.2
O yard | во дворе | аулада | in the yard | 0.4
O street | на улице | көшеде | in the street | 0.4
O basement | в подвале | жертөледе | in the basement | 0.4
O hostel | в общежитии | жатақханада | in the dormitory | 0.2
O hospital | в больнице | ауруханада | at the hospital | 0.1
P no_cold | Нет холодной воды; отключили воду; из крана не идёт вода; воды нет с утра | суық су жоқ; су өшіріліп тұр; крандан су ақпайды | No cold water; the water is cut off; no water comes from the tap | 1 c w=2.5 | flat house block private school kindergarten hostel hospital | вода нет кран отключили | су жоқ кран
P no_hot | Нет горячей воды; отключили горячую воду; горячая вода не идёт | ыстық су жоқ; ыстық су берілмейді | No hot water; the hot water is off | 2 w=2.5 | flat house block school kindergarten hostel | горячая вода нет | ыстық су жоқ
P low_pressure | Слабый напор воды; низкое давление воды; вода еле течёт | су қысымы әлсіз; су әрең ағады | Low water pressure; the water barely runs | 3 w=1.5 | flat house block private school hostel | напор давление слабый вода | қысым су әлсіз
P dirty | Ржавая вода; мутная вода из крана; вода с запахом; жёлтая вода из-под крана | тот басқан су; лай су келеді; судан иіс шығады | Rusty water; cloudy tap water; the water smells | 3 w=1.2 | flat house block school kindergarten private hostel | ржавая мутная вода запах | лай су иіс
P lukewarm | Горячая вода еле тёплая; чуть тёплая горячая вода | ыстық су әрең жылы; ыстық су салқын | The hot water is barely warm | 3 | flat house | горячая вода тёплая | ыстық су жылы
P main_leak | Порыв водопровода; течёт вода из-под асфальта; прорвало трубу водопровода | су құбыры жарылды; асфальт астынан су ағып жатыр | Water main burst; water is flowing from under the asphalt | 1 c w=0.8 | yard street basement | порыв водопровод течёт труба | су құбыры жарылды
P pump_stand | Неисправна водоразборная колонка; не работает колонка | су колонкасы істемейді; колонкадан су келмейді | Broken water pump stand | 5 w=0.3 | private street | колонка вода | колонка су
P meter_water | Замена и опломбировка счётчика воды; поверка водомера | су есептегішін ауыстыру; есептегішті пломбалау | Water meter replacement and sealing; water meter verification | 7 i | flat private | счётчик водомер пломба поверка | есептегіш пломба
P planned_water_outage | График плановых отключений воды; когда дадут воду | суды жоспарлы өшіру кестесі; су қашан беріледі | Schedule of planned water outages; when will the water be back | 3 i w=2 | - | график отключение вода когда | су кесте өшіру
P connection | Подключение к сетям водоснабжения; технические условия на воду | сумен жабдықтау желісіне қосылу; суға техникалық шарттар | Connection to the water supply network; technical conditions for water | 15 h w=0.4 | private | подключение технические условия | қосылу техникалық шарт
P hot_water_schedule | Когда дадут горячую воду после ремонта; плановая промывка и отключение горячей воды | жөндеуден кейін ыстық су қашан беріледі | When will the hot water be back after repairs | 3 i w=1.5 | - | горячая вода промывка | ыстық су
P riser_leak | Течь на общем стояке водоснабжения; протекает стояк воды | су стоягы ағып тұр | Leak on the shared water riser | 1 | flat basement house | стояк течь | стояк ағып
P quality_test | Анализ качества питьевой воды; проверить воду на безопасность | ауыз судың сапасын талдау | Drinking water quality test | 10 i | flat house school kindergarten | анализ качество вода | су сапасы

A sewerage | Водоотведение | Су бұру | Sewerage | ls home | water | 4 | sewer_network
O flat | в квартире | пәтерде | in the flat | 4
O riser | в общем стояке | ортақ стоякта | in the shared riser | 1.5
O house | во всём доме | бүкіл үйде | in the whole building | 1
O basement | в подвале | жертөледе | in the basement | 1
O yard | во дворе | аулада | in the yard | 1
O street | на улице | көшеде | in the street | 0.7
O sidewalk | на тротуаре | тротуарда | on the sidewalk | 0.3
O school | в школе | мектепте | at the school | 0.2
O kindergarten | в детском саду | балабақшада | at the kindergarten | 0.2
O private | в частном секторе | жеке секторда | in the private housing area | 0.4
O hostel | в общежитии | жатақханада | in the dormitory | 0.2
P blockage | Засор канализации; забилась канализация; не уходит вода в раковине | кәріз бітеліп қалды; су кетпейді | Sewer blockage; the drain is clogged; water does not drain | 2 w=3 | flat riser house school kindergarten hostel | засор канализация забилась | кәріз бітелді
P overflow | Излив канализации; выбило канализацию; стоки текут по поверхности | кәріз толып кетті; кәріз суы сыртқа шықты | Sewer overflow; sewage is flowing on the surface | 1 c w=1.5 | basement yard street sidewalk private | канализация стоки излив | кәріз ағынды су
P smell | Запах канализации; вонь из канализации; стоит запах канализации | кәріз иісі шығады; сасық иіс | Sewer smell; stench from the sewer | 5 | flat basement yard house school hostel | запах вонь канализация | иіс кәріз
P flooded_basement | Подвал затоплен стоками; в подвале стоят стоки | жертөлені ағынды су басты; жертөледе кәріз суы тұр | Basement flooded with sewage; sewage stands in the basement | 1 w=1 | - | подвал затоплен стоки | жертөле су басты
P manhole | Открытый канализационный люк; нет крышки люка; провалился люк | кәріз люгі ашық; люктің қақпағы жоқ | Open sewer manhole; missing manhole cover | 1 c | yard street sidewalk | люк крышка открытый | люк қақпақ
P pump_station | Неисправность канализационной насосной станции; не работает КНС | кәріз сорғы станциясы істемейді | Sewage pumping station failure | 2 | - | КНС насосная станция | сорғы станция
P septic | Откачка выгребной ямы; вывоз септика | шұңқырды сорып алу; септикті тазарту | Septic tank pumping | 5 w=0.6 | private | откачка септик яма | септик сору
P connection_sewer | Подключение к канализации; технические условия на канализацию | кәріз желісіне қосылу | Connection to the sewer network | 15 h w=0.4 | private | подключение канализация | қосылу кәріз
P pipe_replace | Течь канализационной трубы; замена канализационных труб | кәріз құбыры ағып тұр; кәріз құбырын ауыстыру | Leaking sewer pipe; replacement of sewer pipes | 7 | flat riser basement house | труба течь канализация | кәріз құбыры ағып
P backflow | Стоки выходят в ванну; канализация идёт обратно | кәріз суы ваннаға шығып жатыр | Sewage backing up into the bath | 1 | flat | стоки ванна обратно | кәріз ванна
P tariff_sewer | Консультация по тарифу на водоотведение | су бұру тарифі бойынша кеңес | Consultation on the sewerage tariff | 5 i | - | тариф водоотведение | тариф су бұру
P manhole_noise | Гремит крышка люка на дороге | жолдағы люк қақпағы дүңгірлейді | A manhole cover rattles on the road | 7 | street | люк гремит | люк
P sewage_on_road | Сточные воды на дороге; течёт канализация по улице | көшеде ағынды су ағып жатыр | Sewage flowing along the road | 1 c | street private yard | стоки дорога | ағынды су
P grease_trap | Кафе сливает жир в канализацию; засоры из-за ресторана | кафе кәрізге май төгеді | A café pours grease into the sewer | 10 | house street | кафе жир | кафе май
P sewer_building | Строительство канализации в частном секторе; нет центральной канализации | жеке секторда кәріз салу; орталық кәріз жоқ | Construction of sewerage in private housing; no central sewer | 15 h i | - | строительство канализация | кәріз салу
P sewage_truck | Ассенизаторская машина сливает стоки; слив нечистот на пустыре | ассенизатор көлігі ағынды суды төгеді | A sewage truck dumps waste | 3 | private street | ассенизатор слив | ассенизатор

A storm_drainage | Ливневая канализация и подтопления | Нөсер кәрізі және су басу | Storm drainage and flooding | place | water | 1.2 | storm_network
O street | на улице | көшеде | in the street | 3
O yard | во дворе | аулада | in the yard | 2
O crossing | на перекрёстке | қиылыста | at the crossroads | 1
O stop | на остановке | аялдамада | at the bus stop | 0.8
O underpass | в подземном переходе | жерасты өткелінде | in the underpass | 0.5
O parking | на парковке | тұрақта | in the car park | 0.5
O private | в частном секторе | жеке секторда | in the private housing area | 0.8
O basement | в подвале дома | үйдің жертөлесінде | in the basement | 0.7
O school | у школы | мектеп жанында | near the school | 0.3
O park | в парке | саябақта | in the park | 0.4
P flooding | Подтопление после дождя; стоит вода после ливня; огромная лужа; всё затопило | жаңбырдан кейін су басты; нөсерден кейін су тұр; үлкен шалшық | Flooding after rain; water stands after the downpour; huge puddle | 2 w=3 | street yard crossing stop underpass parking private basement school park | подтопление лужа вода дождь | су басты шалшық жаңбыр
P thaw_water | Талые воды; подтопление талыми водами; вода от тающего снега | еріген қар суы; қар суы басты | Meltwater; flooding by meltwater | 2 w=2 | street yard private basement crossing stop | талые воды снег тает | еріген қар суы
P drain_blocked | Забита ливнёвка; засор ливневой канализации; решётка ливнёвки забита | нөсер кәрізі бітелген; тор бітеліп қалды | Blocked storm drain; the storm drain grate is clogged | 3 w=1.5 | street yard crossing stop parking private | ливнёвка засор решётка | нөсер кәрізі бітелген
P grate_missing | Нет решётки ливнёвки; открытый колодец ливнёвки | нөсер кәрізінің торы жоқ; құдық ашық | Missing storm drain grate; open storm drain well | 1 c | street yard stop | решётка колодец открытый | тор құдық ашық
P pumping | Откачка воды спецтехникой; нужна откачка воды | суды арнайы техникамен сору; су сору керек | Water pumping by special vehicles; water needs pumping out | 1 w=0.8 | yard private basement | откачка вода техника | су сору
P drain_build | Строительство ливневой канализации; нет ливнёвки вообще | нөсер кәрізін салу; нөсер кәрізі мүлдем жоқ | Construction of storm drainage; there is no storm drain at all | 15 h w=0.4 | street private | строительство ливнёвка | нөсер кәрізі салу
P ditch | Засыпана водоотводная канава; нужна канава | су бұру арығы көміліп қалды | Drainage ditch filled in | 5 | private street | канава | арық

A electricity | Электроснабжение | Электрмен жабдықтау | Power supply | ls home | energy | 5 | power_grid
O flat | в квартире | пәтерде | in the flat | 4
O entrance | в подъезде | кіреберісте | in the stairwell | 1
O house | во всём доме | бүкіл үйде | in the whole building | 2
O block | в микрорайоне | шағын ауданда | in the neighbourhood | 1
O private | в частном секторе | жеке секторда | in the private housing area | 0.6
O school | в школе | мектепте | at the school | 0.2
O clinic | в поликлинике | емханада | at the clinic | 0.1
O yard | во дворе | аулада | in the yard | 0.5
O hostel | в общежитии | жатақханада | in the dormitory | 0.3
O kindergarten | в детском саду | балабақшада | at the kindergarten | 0.2
P no_power | Нет света; отключили электричество; пропало электричество; нет электроэнергии | жарық жоқ; электр өшіп қалды; электр қуаты жоқ | Power outage; no electricity; the power went off | 1 c w=3 | flat entrance house block private school clinic hostel kindergarten | свет электричество отключили | жарық электр жоқ
P voltage | Скачки напряжения; низкое напряжение; мигает свет | кернеу секіреді; кернеу төмен; жарық жыпылықтайды | Voltage surges; low voltage; the lights flicker | 2 w=1.5 | flat house block private hostel school | напряжение скачки мигает | кернеу жарық
P appliance_damage | Сгорела техника из-за скачка напряжения | кернеу секіргеннен техника күйіп қалды | Appliances burnt out after a voltage surge | 10 h w=0.4 | flat house private | сгорела техника напряжение | техника күйді
P wires | Оборван провод; висят провода; искрит провод | сым үзіліп қалды; сымдар салбырап тұр; сым ұшқындайды | Broken power line; hanging wires; sparking wire | 1 c w=1 | yard entrance house private | провод оборван искрит | сым үзілді ұшқын
P panel | Неисправен электрощиток; открыт электрощит; горит щиток | электр қалқаны бұзылған; электр қалқаны ашық | Faulty switchboard; open switchboard | 1 w=1 | entrance house | щиток электрощит | электр қалқаны
P transformer | Авария на подстанции; гудит трансформатор; горит трансформаторная подстанция | подстанцияда апат; трансформатор гуілдейді | Substation failure; the transformer hums | 1 c w=0.6 | yard block private | подстанция трансформатор | подстанция трансформатор
P meter_power | Замена электросчётчика; не работает счётчик электроэнергии | электр есептегішін ауыстыру; электр есептегіші істемейді | Electricity meter replacement; the electricity meter does not work | 7 i w=1 | flat private | электросчётчик счётчик | электр есептегіш
P planned_power_outage | График плановых отключений электроэнергии; когда дадут свет | электр қуатын жоспарлы өшіру кестесі; жарық қашан беріледі | Schedule of planned power outages; when will the power be back | 3 i w=2 | - | график отключение свет | кесте жарық
P connection_power | Подключение к электросетям; технические условия на электроснабжение | электр желісіне қосылу | Connection to the power grid | 15 h w=0.4 | private | подключение электросети | қосылу электр
P smell_burning | Запах гари из щитка; дымит розетка в подъезде | электр қалқанынан күйік иісі | Burning smell from the switchboard | 1 c | entrance house | гарь дым щиток | күйік иіс
P cable_exposed | Оголённый кабель; кабель торчит из земли | ашық кабель; кабель жерден шығып тұр | Exposed cable; a cable sticks out of the ground | 1 c | yard private entrance | кабель оголённый | кабель
P frequent_outages | Частые отключения света; свет отключают каждый день | жарық жиі өшеді; жарық күнде өшеді | Frequent power cuts; the power goes off every day | 3 w=1.5 | flat house block private | отключения часто | жарық жиі өшеді
P power_tariff | Тариф на электроэнергию; дифференцированный тариф | электр энергиясының тарифі; сараланған тариф | Electricity tariff; tiered tariff | 5 i | - | тариф электроэнергия | тариф

A gas | Газоснабжение | Газбен жабдықтау | Gas supply | ls home | energy | 1.2 | gas
O flat | в квартире | пәтерде | in the flat | 3
O entrance | в подъезде | кіреберісте | in the stairwell | 1.5
O house | в доме | үйде | in the building | 1.5
O private | в частном доме | жеке үйде | in a private house | 2
O yard | во дворе | аулада | in the yard | 0.6
O street | на улице | көшеде | in the street | 0.4
O boiler | в котельной дома | үйдің қазандығында | in the building's boiler room | 0.3
O school | в школе | мектепте | at the school | 0.2
P leak | Запах газа; утечка газа; пахнет газом | газ иісі шығып тұр; газ ағып жатыр | Gas smell; gas leak | 1 c w=3 | flat entrance house private yard street boiler school | газ запах утечка | газ иіс ағу
P no_gas | Нет газа; отключили газ | газ жоқ; газ өшірілді | No gas; the gas is cut off | 1 c w=1.5 | flat house private | газ нет отключили | газ жоқ
P low_pressure_gas | Низкое давление газа; плита плохо горит | газ қысымы төмен; плита нашар жанады | Low gas pressure; the stove burns weakly | 3 | flat house private | давление газ плита | газ қысымы
P pipe_damage | Повреждение газопровода; погнута газовая труба | газ құбыры зақымдалған | Damaged gas pipeline | 1 c | entrance yard street private | газопровод труба повреждение | газ құбыры
P equipment | Проверка газового оборудования; замена газовой плиты | газ жабдығын тексеру; газ плитасын ауыстыру | Gas equipment inspection; gas stove replacement | 10 i | flat private | газовое оборудование проверка | газ жабдығы
P gasification | Газификация частного сектора; когда проведут газ | жеке секторды газдандыру; газ қашан тартылады | Gasification of private housing; when will gas be connected | 15 h i w=1.2 | - | газификация провести газ | газдандыру
P meter_gas | Замена газового счётчика; поверка газового счётчика | газ есептегішін ауыстыру | Gas meter replacement; gas meter verification | 7 i | flat private | счётчик газ | газ есептегіш
P gas_bill | Начисления за газ; тариф на газ | газ үшін төлем; газ тарифі | Gas charges; gas tariff | 5 i | - | тариф газ | газ тарифі
P cylinder | Баллонный газ; незаконная заправка газовых баллонов | баллон газы; газ баллондарын заңсыз толтыру | Bottled gas; illegal refilling of gas cylinders | 3 | private yard | баллон | баллон
P gas_boiler | Неисправен газовый котёл; котёл тухнет | газ қазандығы бұзылған; қазандық сөніп қалады | Faulty gas boiler; the boiler keeps going out | 2 | private flat | котёл | қазандық

A elevators | Лифты | Лифтілер | Elevators | ls home | housing_inspection | 4 | elevator_service
O res | в жилом доме | тұрғын үйде | in a residential building | 3
O highrise | в многоэтажке выше 16 этажей | 16 қабаттан биік үйде | in a high-rise of over 16 floors | 1
O hostel | в общежитии | жатақханада | in a dormitory | 0.5
O newbuild | в новостройке | жаңа үйде | in a new building | 0.6
O clinic_lift | в поликлинике | емханада | at the clinic | 0.2
P stopped | Не работает лифт; лифт стоит; сломался лифт | лифт істемейді; лифт бұзылып қалды | The elevator is out of order; the elevator is broken | 1 w=3 | res highrise hostel newbuild clinic_lift | лифт не работает сломался | лифт істемейді
P stuck | Застряли в лифте; человек застрял в лифте; ребёнок застрял в лифте | лифтіде қалып қойды; адам лифтіде қамалып қалды | People stuck in the elevator; a child is stuck in the elevator | 1 c w=1.2 | res highrise hostel newbuild | застрял лифт | лифтіде қалды
P doors | Не закрываются двери лифта; двери лифта зажимают | лифт есігі жабылмайды; лифт есігі қысып қалады | The elevator doors do not close; the doors jam | 2 | res highrise newbuild | двери лифт | лифт есігі
P noise_lift | Лифт издаёт скрежет; лифт дёргается; резко останавливается лифт | лифт шиқылдайды; лифт сілкінеді | The elevator grinds; the elevator jerks | 3 | res highrise newbuild | скрежет дёргается лифт | лифт шиқылдайды
P buttons | Не работают кнопки в лифте; сожжены кнопки; нет освещения в лифте | лифттің батырмалары істемейді; лифтіде жарық жоқ | The elevator buttons do not work; no light in the elevator | 3 | res highrise newbuild | кнопки освещение лифт | батырма жарық лифт
P floors | Лифт не доезжает до этажей; лифт едет не на тот этаж | лифт қабатқа жетпейді | The elevator does not reach the floors | 2 | res highrise | этаж лифт | қабат лифт
P replacement | Замена отработавшего лифта; лифту больше 25 лет | ескі лифтіні ауыстыру; лифт 25 жылдан асқан | Replacement of a worn-out elevator; the elevator is over 25 years old | 15 h w=0.6 | res highrise hostel | замена лифт старый | лифт ауыстыру ескі
P dispatch | Не отвечает диспетчер лифта; не работает связь в лифте | лифт диспетчері жауап бермейді; лифтідегі байланыс істемейді | The elevator dispatcher does not answer; the intercom does not work | 3 | res highrise newbuild | диспетчер связь лифт | диспетчер байланыс
P lift_fee | Консультация по оплате за обслуживание лифта | лифтіге қызмет көрсету ақысы бойынша кеңес | Consultation on the elevator service fee | 5 i | - | оплата лифт обслуживание | лифт ақы
P accessibility | Лифт не работает для маломобильных; нет подъёмника для инвалидов | мүгедектерге арналған көтергіш жоқ | No lift for people with disabilities | 10 h w=0.4 | res clinic_lift | подъёмник инвалид маломобильные | көтергіш мүгедек
P lift_schedule | Лифт отключают на ночь; лифт не работает по выходным | лифтіні түнге өшіреді | The elevator is switched off at night | 3 | res highrise newbuild | лифт ночь отключают | лифт түнде
P lift_dirty | Грязно в лифте; вандализм в лифте | лифтіде лас; лифтіде бұзақылық | Dirty elevator; vandalism in the elevator | 5 | res highrise hostel | грязно вандализм | лас бұзақылық
P lift_inspection | Техосвидетельствование лифта; лифт без техосмотра | лифтіні техникалық куәландыру | Technical inspection of the elevator | 10 i | - | техосвидетельствование | куәландыру

A housing_maintenance | Содержание жилья и ОСИ | Тұрғын үйді күтіп-ұстау және ПИБ | Housing maintenance and condominiums | home | housing_inspection | 9 | housing_coop management_company
O roof | на крыше | шатырда | on the roof | 2
O entrance | в подъезде | кіреберісте | in the stairwell | 2.5
O basement | в подвале | жертөледе | in the basement | 1.5
O facade | на фасаде | қасбетте | on the facade | 1
O attic | на чердаке | шатырасты бөлмесінде | in the attic | 0.5
O flat | в квартире | пәтерде | in the flat | 1.5
O yard | на придомовой территории | үй маңындағы аумақта | in the courtyard | 1
O stairs | на лестнице | баспалдақта | on the stairs | 0.5
O balcony | на балконе | балконда | on the balcony | 0.4
P leak_roof | Протечка кровли; течёт с потолка; заливает с крыши | шатыр ағып тұр; төбеден су ағады | The roof leaks; water drips from the ceiling | 3 w=2.5 | roof flat attic | крыша протекает потолок течёт | шатыр ағып төбе
P repair | Требуется ремонт; нужен текущий ремонт; всё разрушено, нужен ремонт | жөндеу қажет; ағымдағы жөндеу керек | Repair needed; routine repair needed | 10 h w=2 | roof entrance basement facade attic yard | ремонт нужен | жөндеу қажет
P dirty_entrance | Грязно, не убирают; уборка не проводится; мусор не выносят | лас, жинамайды; тазалық жүргізілмейді | It is dirty, nobody cleans; cleaning is not done | 3 w=1.5 | entrance basement yard | уборка грязно | тазалық лас
P light_entrance | Нет освещения; перегорели лампочки; темно | жарық жоқ; шамдар күйіп қалған; қараңғы | No lighting; the bulbs burnt out; it is dark | 3 w=1.5 | entrance basement attic yard | освещение лампочки темно | жарық шам қараңғы
P doors_entrance | Сломана входная дверь; не работает домофон; дверь не закрывается | кіреберіс есігі сынған; домофон істемейді | Broken entrance door; the intercom does not work | 3 w=1.5 | entrance basement attic | дверь домофон | есік домофон
P windows | Разбиты окна; нет стёкол в окнах | терезелер сынған; терезеде әйнек жоқ | Broken windows; no glass in the windows | 5 | entrance basement attic | окна стёкла разбиты | терезе әйнек
P pests | Крысы и тараканы; нужна дезинсекция; завелись клопы | егеуқұйрықтар мен тарақандар; дезинсекция қажет | Rats and cockroaches; pest control needed | 5 | entrance basement flat | крысы тараканы дезинсекция | егеуқұйрық тарақан
P cracks | Трещины в стенах; осыпается штукатурка; отваливается облицовка | қабырғада жарықтар; сылақ түсіп жатыр | Cracks in the walls; plaster is falling off | 10 h w=1 | entrance facade flat basement | трещины штукатурка | жарық сылақ
P osi_report | Отчёт ОСИ о расходах; председатель ОСИ не отчитывается | ПИБ шығындар туралы есеп бермейді; ПИБ төрағасы есеп бермейді | Condominium spending report; the condominium chair gives no report | 10 i w=1.5 | - | ОСИ отчёт председатель КСК | ПИБ есеп төраға
P osi_create | Создание ОСИ; переход из КСК в ОСИ; выбор управляющей компании | ПИБ құру; КСК-дан ПИБ-ге өту | Setting up a condominium; switching from a cooperative to a condominium | 10 i w=1 | - | ОСИ создание КСК управляющая | ПИБ құру КСК
P capital_repair | Капитальный ремонт дома; когда будет капремонт | үйді күрделі жөндеу; күрделі жөндеу қашан | Major repair of the building; when will the major repair be | 15 h w=1 | - | капремонт капитальный ремонт | күрделі жөндеу
P flat_flooded | Затопили соседи сверху; залили квартиру | жоғарғы қабаттағы көршілер су басты; пәтерді су басты | Flooded by the neighbours upstairs | 2 w=1.2 | - | затопили соседи залили | көршілер су басты
P mould | Сырость и плесень; грибок на стенах | ылғал және зең; қабырғада саңырауқұлақ | Damp and mould; fungus on the walls | 10 | basement flat entrance | сырость плесень грибок | ылғал зең
P chute | Засорён мусоропровод; не работает мусоропровод | қоқыс құбыры бітелген | Blocked rubbish chute | 3 | - | мусоропровод засор | қоқыс құбыры
P snow_roof_clear | Не чистят крышу от снега; нужна очистка кровли | шатырдағы қар тазаланбайды | The roof is not cleared of snow | 3 w=0.6 | - | кровля снег очистка | шатыр қар тазалау
P gutter | Сломан водосток; нет водосточной трубы | су ағызғыш сынған; су ағатын құбыр жоқ | Broken gutter; no drainpipe | 5 | roof facade | водосток | су ағызғыш
P railings | Сломаны перила; разрушены ступени | таяныш сынған; баспалдақ бұзылған | Broken railings; damaged steps | 5 | entrance stairs | перила ступени | таяныш баспалдақ
P mailbox | Сломаны почтовые ящики | пошта жәшіктері сынған | Broken mailboxes | 10 w=0.4 | entrance | почтовые ящики | пошта жәшігі
P balcony_slab | Разрушение балконной плиты; обвал балкона | балкон плитасы бұзылып жатыр | Crumbling balcony slab | 3 c | balcony facade | балкон плита | балкон
P basement_water | Вода в подвале; подвал затоплен | жертөледе су тұр | Water in the basement; the basement is flooded | 2 | basement | подвал вода | жертөле су
P osi_fee | Взносы на содержание дома; тариф ОСИ завышен | үйді күтіп-ұстау жарнасы; ПИБ тарифі жоғары | Building maintenance fee; the condominium fee is too high | 10 i w=1.5 | - | взносы ОСИ тариф | жарна ПИБ
P cleaner | Уборщица не приходит; график уборки подъезда | тазалаушы келмейді; кіреберісті жинау кестесі | The cleaner does not come; stairwell cleaning schedule | 5 | entrance | уборщица график | тазалаушы
P open_access | Подвал открыт, заходят посторонние; не закрыт чердак | жертөле ашық, бөгде адамдар кіреді; шатырасты жабылмаған | The basement is open, strangers get in; the attic is not locked | 3 | basement attic | открыт посторонние | ашық бөгде
P poor_repair | Некачественный ремонт; плохо покрасили | сапасыз жөндеу; нашар сырлады | Poor-quality repair; bad painting | 10 h | entrance facade roof | некачественный ремонт | сапасыз жөндеу
P intercom_dispute | Навязывают установку домофона; споры по домофону | домофон орнатуды мәжбүрлейді | Imposed intercom installation | 10 i | - | домофон | домофон
P facade_insulation | Утепление фасада; промерзают углы | қасбетті жылыту; бұрыштар қатады | Facade insulation; the corners freeze | 15 h | facade flat | утепление углы | жылыту бұрыш
P rain_walls | Течёт по стенам после дождя | жаңбырдан кейін қабырғамен су ағады | Water runs down the walls after rain | 3 | flat entrance stairs | течёт стены дождь | қабырға су

A emergency_housing | Аварийное и ветхое жильё | Апатты және тозған тұрғын үй | Emergency and dilapidated housing | home | housing_policy | 0.8 | housing_fund
O barrack | в бараке | баракта | in a barrack | 1
O old_house | в старом доме | ескі үйде | in an old building | 2
O hostel | в общежитии | жатақханада | in a dormitory | 1
O private | в частном доме | жеке үйде | in a private house | 0.8
O five_storey | в пятиэтажке | бес қабатты үйде | in a five-storey block | 1
P emergency_status | Признание дома аварийным; дом в аварийном состоянии | үйді апатты деп тану; үй апатты жағдайда | Recognition of the building as unsafe; the building is in a dangerous state | 15 h w=2 | barrack old_house hostel private five_storey | аварийный дом признание | апатты үй
P resettlement | Переселение из аварийного жилья; когда расселят | апатты үйден көшіру; қашан көшіреді | Resettlement from unsafe housing; when will we be resettled | 15 i w=2 | barrack old_house hostel | переселение расселение | көшіру
P collapse_threat | Угроза обрушения; рушатся стены; обвалился потолок | құлау қаупі; қабырғалар құлап жатыр; төбе құлады | Threat of collapse; the walls are crumbling; the ceiling fell in | 1 c | barrack old_house hostel private five_storey | обрушение рушится обвалился | құлау қаупі
P queue | Очередь на жильё; постановка на учёт нуждающихся в жилье | тұрғын үй кезегі; тұрғын үйге мұқтаждар есебіне қою | Housing queue; registration for social housing | 10 i w=3 | - | очередь жильё учёт | тұрғын үй кезегі
P rent_subsidy | Жилищная помощь; субсидия на аренду жилья | тұрғын үй көмегі; жалдау ақысына субсидия | Housing assistance; rent subsidy | 10 i w=1.5 | - | жилищная помощь субсидия аренда | тұрғын үй көмегі субсидия
P conditions | Невыносимые условия проживания; нет удобств | тұру жағдайы өте нашар; ыңғайлылық жоқ | Unbearable living conditions; no amenities | 15 h | barrack hostel old_house private | условия удобства | тұру жағдайы
P rental_housing | Арендное жильё без права выкупа; коммунальное жильё | сатып алу құқығынсыз жалдамалы тұрғын үй | Rental housing without a buy-out option | 10 i w=1.5 | - | арендное жильё | жалдамалы үй
P compensation | Компенсация при сносе; оценка сносимого жилья | бұзу кезіндегі өтемақы; бұзылатын үйді бағалау | Compensation for demolition | 15 h i | barrack old_house private | компенсация снос | өтемақы бұзу
P hostel_status | Передача общежития в коммунальную собственность | жатақхананы коммуналдық меншікке беру | Transfer of a dormitory to municipal ownership | 15 i | - | общежитие собственность | жатақхана меншік
P bearing_crack | Трещина в несущей стене; дом просел | көтергіш қабырғада жарық; үй шөгіп кетті | Crack in a load-bearing wall; the building has subsided | 3 c | old_house five_storey hostel | трещина несущая | жарық қабырға

A waste_collection | Вывоз ТБО | Қатты тұрмыстық қалдықтарды шығару | Waste collection | home | communal | 4 | waste_carrier
O yard | во дворе | аулада | in the yard | 3
O private | в частном секторе | жеке секторда | in the private housing area | 1
O site | на контейнерной площадке | контейнер алаңында | at the container site | 2
O school | у школы | мектеп жанында | near the school | 0.3
O market | у рынка | базар жанында | near the market | 0.3
O kindergarten | у детского сада | балабақша жанында | near the kindergarten | 0.2
O street | на улице | көшеде | in the street | 0.6
P not_collected | Не вывозят мусор; мусор не вывозили неделю; переполнены баки | қоқыс шығарылмайды; бір апта қоқыс әкетілмеді; контейнерлер толып кетті | The rubbish is not collected; the bins are overflowing | 2 w=3 | yard private site school market kindergarten street | мусор не вывозят баки | қоқыс шығарылмайды
P containers | Нет контейнеров; сломаны контейнеры; нужен дополнительный бак | контейнер жоқ; контейнерлер сынған | No containers; broken containers; an extra bin is needed | 5 w=1.5 | yard private site school market street | контейнер бак | контейнер
P bulky | Вывоз крупногабаритного мусора; строительный мусор после ремонта | ірі габаритті қоқысты шығару; жөндеуден кейінгі құрылыс қоқысы | Removal of bulky waste; construction waste after renovation | 5 w=1.5 | yard private site | крупногабаритный строительный мусор | ірі қоқыс құрылыс
P schedule_waste | График вывоза мусора; мусоровоз приезжает ночью и шумит | қоқыс шығару кестесі; қоқыс көлігі түнде шу шығарады | Waste collection schedule; the garbage truck comes at night and is noisy | 5 i | yard private | график мусоровоз | кесте қоқыс көлігі
P separate | Раздельный сбор отходов; где сдать пластик и батарейки | қалдықтарды бөлек жинау; пластик пен батареяны қайда тапсыру керек | Separate waste collection; where to hand in plastic and batteries | 5 i w=1 | - | раздельный сбор пластик батарейки | бөлек жинау пластик
P fee_waste | Оплата за вывоз мусора; начисления за ТБО | қоқыс шығару ақысы; ҚТҚ үшін төлем | Waste collection fee; waste charges | 5 i w=1.5 | - | оплата вывоз ТБО | ақы ҚТҚ
P burning | Горит мусор в контейнере; подожгли мусор | контейнердегі қоқыс жанып жатыр | Rubbish burning in a container | 1 c | yard site private | горит мусор подожгли | қоқыс жанып
P site_dirty | Антисанитария на контейнерной площадке; грязь вокруг баков | контейнер алаңы лас | Unsanitary container site; dirt around the bins | 3 | yard site market private | антисанитария грязь площадка | лас алаң
P site_location | Перенести контейнерную площадку; площадка под окнами | контейнер алаңын көшіру; алаң терезе астында | Move the container site; the site is under the windows | 10 h | yard private | площадка перенести | алаң көшіру
P truck_damage | Мусоровоз повредил машину или газон | қоқыс көлігі көлікті немесе көгалды бүлдірді | The garbage truck damaged a car or the lawn | 5 | yard site | мусоровоз повредил | қоқыс көлігі
P hazardous | Куда сдать ртутные лампы и опасные отходы | сынап шамдары мен қауіпті қалдықтарды қайда тапсыру керек | Where to hand in mercury lamps and hazardous waste | 5 i | - | ртутные лампы опасные отходы | сынап қалдық
P recycling | Пункты приёма вторсырья; не вывозят контейнеры для пластика | қайта өңдеу пункттері; пластик контейнерлері шығарылмайды | Recycling points; plastic containers are not emptied | 5 | yard site | вторсырьё пластик | қайта өңдеу
P waste_contract | Договор на вывоз ТБО для частного дома | жеке үйге ҚТҚ шығару шарты | Waste collection contract for a private house | 5 i | - | договор ТБО | шарт ҚТҚ

A sanitation | Санитарная очистка | Санитариялық тазалау | Street cleaning | place | communal | 3 | sanitation
O street | на улице | көшеде | in the street | 3
O sidewalk | на тротуаре | тротуарда | on the sidewalk | 2
O stop | на остановке | аялдамада | at the bus stop | 1
O park | в парке | саябақта | in the park | 1
O square | в сквере | скверде | in the square | 0.6
O embankment | на набережной | жағалауда | on the embankment | 0.5
O underpass | в подземном переходе | жерасты өткелінде | in the underpass | 0.4
O vacant | на пустыре | бос жерде | on the wasteland | 0.6
O market | у рынка | базар жанында | near the market | 0.4
O mall | у торгового центра | сауда орталығы жанында | near the shopping centre | 0.4
P litter | Мусор не убирают; грязно, никто не убирает | қоқыс жиналмайды; лас, ешкім жинамайды | Litter is not picked up; it is dirty, nobody cleans | 3 w=3 | street sidewalk stop park square embankment underpass vacant market mall | мусор грязно уборка | қоқыс лас
P urns | Нет урн; переполнены урны | қоқыс жәшігі жоқ; урналар толып кетті | No litter bins; the litter bins are overflowing | 3 | street sidewalk stop park square embankment market | урна | урна қоқыс жәшігі
P dust | Пыль, не поливают дорогу; нужна мойка улиц | шаң, жол суарылмайды; көшені жуу керек | Dust, the road is not watered; street washing is needed | 5 | street sidewalk stop park | пыль полив мойка | шаң суару жуу
P leaves | Не убирают листву; куча листьев | жапырақ жиналмайды | Fallen leaves not removed | 5 w=0.6 | street sidewalk park square | листва листья | жапырақ
P dead_animal | Труп животного; сбитая собака на дороге | жануардың өлексесі | Dead animal | 1 w=0.5 | street sidewalk vacant park | труп животного | өлексе
P graffiti | Надписи и граффити; реклама наркотиков на стенах | қабырғадағы жазулар; есірткі жарнамасы | Graffiti; drug adverts painted on walls | 5 | street underpass stop park square | граффити надписи реклама | жазу граффити
P toilet | Нет общественного туалета; грязный общественный туалет | қоғамдық дәретхана жоқ; дәретхана лас | No public toilet; dirty public toilet | 10 w=0.5 | park square embankment | туалет | дәретхана
P needles | Шприцы на детской площадке; опасный мусор | балалар алаңында шприцтер | Syringes on the playground; dangerous litter | 1 c | park square vacant | шприцы | шприц
P posters | Расклеенные объявления на столбах и остановках | бағаналар мен аялдамаларға жапсырылған хабарландырулар | Posters stuck on poles and stops | 7 | street stop | объявления | хабарландыру
P stop_washing | Помыть остановку; грязный павильон | аялдаманы жуу; павильон лас | Wash the bus stop; dirty shelter | 5 | stop | помыть остановка | аялдама жуу
P spring_sand | Не убран песок и грязь после зимы | қыстан кейін құм мен балшық жиналмаған | Sand and mud left after winter | 5 | street sidewalk | песок грязь | құм балшық

A snow_ice | Снег и гололёд | Қар және көктайғақ | Snow and ice | place | communal | 3 | snow_removal
O street | на улице | көшеде | in the street | 3
O sidewalk | на тротуаре | тротуарда | on the sidewalk | 2
O yard | во дворе | аулада | in the yard | 2.5
O stop | на остановке | аялдамада | at the bus stop | 1
O crossing | на пешеходном переходе | жаяу жүргіншілер өткелінде | at the pedestrian crossing | 1
O school | у школы | мектеп жанында | near the school | 0.4
O private | в частном секторе | жеке секторда | in the private housing area | 0.8
O park | в парке | саябақта | in the park | 0.4
O clinic | у поликлиники | емхана жанында | near the clinic | 0.3
O bridge | на мосту | көпірде | on the bridge | 0.3
P snow_not_cleared | Не убирают снег; снег не чистили несколько дней; завалено снегом | қар тазаланбайды; бірнеше күн қар күрелмеді; қар басып қалды | The snow is not cleared; it has not been cleared for days | 2 w=3 | street sidewalk yard stop crossing school private park clinic bridge | снег не убирают | қар тазаланбайды
P ice | Гололёд, не посыпают; скользко, люди падают | көктайғақ, құм себілмейді; тайғақ, адамдар құлап жатыр | Ice, nobody grits; it is slippery, people fall | 1 w=2 | street sidewalk yard stop crossing school park clinic bridge private | гололёд скользко посыпать | көктайғақ тайғақ
P snow_piles | Снежный вал перекрыл проезд; сугробы загораживают обзор | қар үйіндісі жолды жауып тастады | A snow bank blocks the passage; snow piles block the view | 2 | street yard crossing private | сугробы вал проезд | қар үйіндісі
P snow_removal | Вывоз снега; снег не вывозят со двора | қарды шығару; аулада қар шығарылмайды | Snow removal; the snow is not taken away | 3 | street yard | вывоз снега | қар шығару
P icicles | Сосульки на крыше; наледь на крыше над входом | шатырда сүңгілер; кіреберіс үстінде мұз | Icicles on the roof; ice over the entrance | 1 c | yard sidewalk school | сосульки наледь крыша | сүңгі мұз шатыр
P snowplow | Спецтехника не приезжает; грейдер завалил въезд | арнайы техника келмейді; грейдер кіреберісті жауып тастады | The snow plough does not come; the grader blocked the driveway | 2 | street yard private | грейдер спецтехника | грейдер техника
P snow_yard | Уборка снега во дворе; двор не чистят от снега | аулада қар тазалау; ауланы қардан тазартпайды | Snow clearing in the yard; the yard is not cleared | 2 dept=akimat org=akimat_service w=1.5 | - | двор снег уборка | аула қар
P roof_snow | Снег свисает с крыши; опасность схода снега | шатырдан қар салбырап тұр; қар құлау қаупі | Snow overhanging the roof; danger of snow sliding | 1 c | yard sidewalk | снег крыша сход | шатыр қар
P salt | Посыпают солью, портится обувь; нет песка в ящиках | тұз себеді; жәшіктерде құм жоқ | Salt ruins shoes; no sand in the boxes | 5 | sidewalk stop | соль песок | тұз құм
P snow_dumped | Снег сбрасывают на газон; снег свалили на парковку | қарды көгалға төгеді | Snow dumped on the lawn or car park | 5 | yard street | снег газон | қар көгал

A roads_sidewalks | Дороги и тротуары | Жолдар мен тротуарлар | Roads and sidewalks | place | transport_roads | 3.5 | road_maintenance
O street | на улице | көшеде | in the street | 3
O yard | во дворе | аулада | in the yard | 1.5
O sidewalk | на тротуаре | тротуарда | on the sidewalk | 2
O crossing | на перекрёстке | қиылыста | at the crossroads | 1
O bridge | на мосту | көпірде | on the bridge | 0.4
O private | в частном секторе | жеке секторда | in the private housing area | 0.8
O stop | у остановки | аялдама жанында | near the bus stop | 0.5
O school | у школы | мектеп жанында | near the school | 0.4
O underpass | в подземном переходе | жерасты өткелінде | in the underpass | 0.3
P potholes | Ямы на дороге; разбитый асфальт; огромная яма | жолда шұңқыр; асфальт бұзылған | Potholes; broken asphalt; a huge pothole | 5 w=3 | street yard crossing bridge private stop school | яма асфальт | шұңқыр асфальт
P sidewalk_broken | Разбит тротуар; плитка разбита; бордюр разрушен | тротуар бұзылған; плитка сынған | The sidewalk is broken; broken paving tiles | 7 w=1.5 | sidewalk yard stop school crossing | тротуар плитка бордюр | тротуар плитка
P no_sidewalk | Нет тротуара; нужен пешеходный переход | тротуар жоқ; жаяу жүргіншілер өткелі керек | No sidewalk; a pedestrian crossing is needed | 15 h | street yard private | тротуар переход нет | тротуар өткел
P road_repair | Ремонт дороги затянулся; ремонт дороги без ограждения | жол жөндеу созылып кетті; жол жөндеу қоршаусыз | Road repair drags on; road works without fencing | 7 | street crossing bridge yard private | ремонт дороги | жол жөндеу
P unpaved | Нет асфальта; грунтовая дорога, грязь | асфальт жоқ; топырақ жол, батпақ | No asphalt; dirt road, mud | 15 h w=1 | street private yard | грунтовая дорога асфальт | асфальт жоқ
P after_digging | Не восстановили асфальт после раскопок | қазудан кейін асфальт қалпына келтірілмеді | Asphalt not restored after digging | 7 | street yard sidewalk private | раскопка асфальт восстановить | қазу асфальт
P ramp | Нет пандуса; высокий бордюр для колясок | пандус жоқ; арбаға биік бордюр | No ramp; a kerb too high for prams | 10 | sidewalk crossing stop school | пандус бордюр | пандус
P bridge_damage | Повреждено ограждение моста; дефект пешеходного моста | көпір қоршауы зақымдалған | Damaged bridge railing | 3 c | - | мост ограждение | көпір қоршау
P no_slope | Дорога без уклона, стоит вода | жол еңістіксіз, су тұрып қалады | The road has no slope, water stands | 10 | street yard crossing private | уклон вода | еңіс су
P underpass_broken | Разрушены ступени перехода; не работает подъёмник в переходе | өткелдің баспалдақтары бұзылған | Damaged underpass steps; the underpass lift does not work | 5 | underpass | ступени переход | баспалдақ өткел
P barrier | Сломано дорожное ограждение; нет ограждения вдоль дороги | жол қоршауы сынған | Broken road barrier; no barrier along the road | 5 | street bridge crossing | ограждение | қоршау
P bike_paths | Велодорожка разрушена; нет велодорожек | велосипед жолы бұзылған; велосипед жолы жоқ | Damaged cycle path; no cycle paths | 15 | street sidewalk | велодорожка | велосипед жолы
P kerb | Высокий бордюр повреждает машины; проседание бордюра | биік бордюр көліктерді бүлдіреді | A high kerb damages cars | 10 | street yard | бордюр | бордюр

A street_lighting | Уличное освещение | Көше жарығы | Street lighting | place | greening | 2 | street_lighting
O street | на улице | көшеде | in the street | 3
O yard | во дворе | аулада | in the yard | 2
O park | в парке | саябақта | in the park | 1
O crossing | на пешеходном переходе | жаяу жүргіншілер өткелінде | at the pedestrian crossing | 1
O stop | на остановке | аялдамада | at the bus stop | 0.6
O underpass | в подземном переходе | жерасты өткелінде | in the underpass | 0.4
O private | в частном секторе | жеке секторда | in the private housing area | 0.8
O bridge | на мосту | көпірде | on the bridge | 0.3
O school | у школы | мектеп жанында | near the school | 0.4
O boulevard | на бульваре | бульварда | on the boulevard | 0.4
P lights_off | Не горят фонари; темно, нет освещения | шамдар жанбайды; қараңғы, жарық жоқ | The street lights are off; it is dark | 3 w=3 | street yard park crossing stop underpass private bridge school boulevard | фонари освещение темно | шам жарық қараңғы
P lights_day | Фонари горят днём | шамдар күндіз жанып тұр | Street lights on in the daytime | 5 w=0.5 | street yard park | фонари днём | шам күндіз
P blinking | Мигает фонарь; фонарь то горит, то нет | шам жыпылықтайды | A street light flickers | 5 | street yard park crossing bridge | мигает фонарь | шам жыпылықтайды
P pole | Повреждена опора освещения; падает столб | жарық тірегі зақымдалған; бағана құлайын деп тұр | Damaged lighting pole; a pole is falling | 1 c | street yard park | опора столб | тірек бағана
P new_lights | Установить освещение; нужны фонари | жарық орнату; шам қажет | Install lighting; street lights needed | 15 h | street yard private | установить фонари | жарық орнату
P lamp_wires | Провода от фонаря висят; открыт лючок опоры | шамның сымдары салбырап тұр; тіректің люгі ашық | Wires hang from a lamp; the pole hatch is open | 1 c | street yard park | провода опора | сым тірек
P decorative | Не работает праздничная или архитектурная подсветка | мерекелік жарық істемейді | Festive or architectural lighting is out | 10 | boulevard bridge | подсветка | жарық безендіру
P too_bright | Фонарь светит в окна | шам терезеге түседі | A street lamp shines into the windows | 10 | yard | фонарь окна | шам терезе

A public_transport | Общественный транспорт | Қоғамдық көлік | Public transport | place | transport_roads | 8 | bus_park
O route | на маршруте | бағытта | on the route | 3
O stop | на остановке | аялдамада | at the stop | 1.5
O night | в вечернее время | кешкі уақытта | in the evening | 0.8
O lrt | на линии LRT | LRT желісінде | on the LRT line | 0.6
O suburban | на пригородном маршруте | қала маңы бағытында | on the suburban route | 0.6
O airport | до аэропорта | әуежайға | to the airport | 0.3
O station | до вокзала | вокзалға | to the railway station | 0.3
O school_route | на школьном маршруте | мектеп бағытында | on the school route | 0.3
P interval | Большой интервал автобусов; автобус не приходит по часу; долго ждать автобус | автобус аралығы ұзақ; автобус бір сағат келмейді | Long bus intervals; the bus does not come for an hour | 3 w=3 | route stop night suburban airport station school_route | интервал автобус ждать | автобус аралық күту
P rude_driver | Грубый водитель; водитель хамит; водитель не остановился | дөрекі жүргізуші; жүргізуші аялдамаға тоқтамады | Rude driver; the driver did not stop | 5 w=2 | route stop night suburban | водитель грубый хамит | жүргізуші дөрекі
P crowded | Переполненный автобус; не уехать утром | автобус лық толы; таңертең кету мүмкін емес | Overcrowded bus; impossible to get on in the morning | 5 w=1.5 | route stop suburban station school_route night lrt | переполненный автобус | автобус толы
P cold_bus | Холодно в автобусе; не работает печка | автобуста суық; жылытқыш істемейді | It is cold in the bus; the heater does not work | 3 | route night suburban lrt | холодно автобус печка | автобус суық
P fare | Проблема с оплатой проезда; не сработал валидатор; списали дважды | жол ақысын төлеу мәселесі; валидатор істемеді | Fare payment problem; the validator did not work; charged twice | 5 i w=2 | route lrt suburban night | оплата проезд валидатор | жол ақысы валидатор
P stop_shelter | Нет павильона на остановке; разбит павильон | аялдамада павильон жоқ; павильон сынған | No shelter at the stop; broken shelter | 10 | stop | павильон остановка | павильон аялдама
P new_route | Открыть новый маршрут; изменить схему маршрута | жаңа бағыт ашу; бағыт сызбасын өзгерту | Open a new route; change the route | 15 i h w=1.2 | route suburban | новый маршрут схема | жаңа бағыт
P lrt_works | Сроки запуска LRT; когда запустят LRT | LRT қашан іске қосылады | When will the LRT start running | 5 i w=0.6 | - | LRT запуск | LRT іске қосу
P card | Проблема с транспортной картой; пополнение карты; льготная карта | көлік картасы мәселесі; жеңілдікті карта | Transport card problem; concession card | 5 i w=2 | - | карта транспортная льготная | көлік картасы жеңілдік
P lost_items | Забыл вещи в автобусе; потерял телефон в автобусе | автобуста зат қалдырдым; автобуста телефон жоғалттым | Items forgotten in the bus | 3 i | - | забыл вещи потерял | зат жоғалттым
P driver_phone | Водитель разговаривает по телефону за рулём; опасное вождение | жүргізуші рөлде телефонмен сөйлеседі; қауіпті жүргізу | The driver talks on the phone while driving; dangerous driving | 3 | route night suburban | водитель телефон | жүргізуші телефон
P bus_condition | Грязный салон; сломанные сиденья в автобусе | автобус салоны лас; орындықтар сынған | Dirty interior; broken seats | 5 | route suburban night lrt | салон сиденья | салон орындық
P schedule_info | Расписание автобусов; как доехать | автобус кестесі; қалай жетуге болады | Bus timetable; how to get somewhere | 1 i w=2 | - | расписание доехать | кесте
P early_end | Автобусы рано заканчивают работу; нет ночных маршрутов | автобустар ерте тоқтайды; түнгі бағыт жоқ | Buses stop running early; no night routes | 10 h | route suburban | ночные маршруты | түнгі бағыт
P announcements | Не объявляют остановки; не работает табло | аялдамалар хабарланбайды; табло істемейді | Stops are not announced; the display does not work | 5 | route lrt | объявляют табло | табло
P ramp_bus | Водитель не опускает пандус; автобус без низкого пола | жүргізуші пандусты түсірмейді | The driver does not lower the ramp | 3 | route stop | пандус | пандус

A traffic_parking | Дорожное движение и парковки | Жол қозғалысы және тұрақтар | Traffic and parking | place | mobility | 3 | traffic_management
O crossing | на перекрёстке | қиылыста | at the crossroads | 2
O street | на улице | көшеде | in the street | 2
O yard | во дворе | аулада | in the yard | 1.5
O school | у школы | мектеп жанында | near the school | 0.6
O mall | у торгового центра | сауда орталығы жанында | near the shopping centre | 0.6
O hospital | у больницы | аурухана жанында | near the hospital | 0.3
O market | у рынка | базар жанында | near the market | 0.4
P traffic_light | Не работает светофор; светофор мигает жёлтым | бағдаршам істемейді; бағдаршам сары жыпылықтайды | The traffic light is out; the traffic light flashes yellow | 1 c w=2 | crossing street school | светофор | бағдаршам
P light_timing | Короткий зелёный для пешеходов; изменить режим светофора | жаяу жүргіншілерге жасыл жарық қысқа | Green light too short for pedestrians; change the traffic light timing | 10 | crossing street school hospital | светофор режим зелёный | бағдаршам жасыл
P signs | Нет дорожного знака; упал знак; нужна разметка | жол белгісі жоқ; белгі құлады; сызба керек | Missing road sign; the sign fell; road markings needed | 7 | crossing street yard school hospital | знак разметка | белгі сызба
P parking_lot | Нет парковочных мест; неправильная парковка на газоне | тұрақ орны жоқ; көгалға көлік қойып кетеді | No parking spaces; cars parked on the lawn | 7 w=2 | street yard mall school hospital market | парковка газон | тұрақ көгал
P paid_parking | Вопрос по платной парковке; неправильно выписан штраф за парковку | ақылы тұрақ туралы сұрақ; тұрақ айыппұлы қате салынды | Paid parking question; wrong parking fine | 5 i w=2 | - | платная парковка штраф | ақылы тұрақ айыппұл
P speed_bump | Установить лежачего полицейского; гоняют машины | жасанды кедергі орнату; көліктер жылдам жүреді | Install a speed bump; cars are speeding | 15 h | yard school street hospital | лежачий полицейский гоняют | кедергі жылдамдық
P traffic_jam | Постоянная пробка; затор на развязке | тұрақты кептеліс | Constant traffic jam | 15 h | crossing street mall school market | пробка затор | кептеліс
P abandoned_car | Брошенный автомобиль; разбитая машина стоит годами | тасталған көлік | Abandoned car | 10 | street yard mall hospital market | брошенный автомобиль | тасталған көлік
P evacuation | Эвакуатор увёз машину; где забрать машину со штрафстоянки | эвакуатор көлікті әкетті; айыпты тұрақтан көлікті қайдан алуға болады | The tow truck took the car; where to collect the car | 3 i | - | эвакуатор штрафстоянка | эвакуатор айыпты тұрақ
P crossing_needed | Нужен пешеходный переход; опасно переходить дорогу | жаяу жүргіншілер өткелі қажет; жолдан өту қауіпті | A pedestrian crossing is needed; crossing the road is dangerous | 15 h | street school hospital | переход пешеходный | өткел
P yard_barrier | Шлагбаум во дворе мешает проезду скорой | аулада шлагбаум жедел жәрдемге кедергі | A yard barrier blocks ambulances | 5 | yard | шлагбаум | шлагбаум
P trucks | Грузовики ездят через жилой квартал | жүк көліктері тұрғын кварталдан өтеді | Lorries drive through the residential block | 10 | street yard | грузовики | жүк көлігі
P taxi_stand | Таксисты занимают остановку | такси жүргізушілері аялдаманы алып алады | Taxis occupy the bus stop | 5 | street market | такси остановка | такси

A landscaping | Благоустройство и озеленение | Абаттандыру және көгалдандыру | Landscaping and greening | place | greening | 4 | greening parks
O yard | во дворе | аулада | in the yard | 3
O park | в парке | саябақта | in the park | 1.5
O square | в сквере | скверде | in the square | 1
O street | на улице | көшеде | in the street | 1.5
O boulevard | на бульваре | бульварда | on the boulevard | 0.6
O school | у школы | мектеп жанында | near the school | 0.4
O embankment | на набережной | жағалауда | on the embankment | 0.4
O kindergarten | у детского сада | балабақша жанында | near the kindergarten | 0.3
P playground | Сломана детская площадка; опасные качели | балалар алаңы сынған; әткеншек қауіпті | Broken playground; dangerous swings | 5 w=2 | yard park square kindergarten | детская площадка качели | балалар алаңы әткеншек
P trees_cut | Спилить аварийное дерево; дерево упало; ветка нависла над дорогой | апатты ағашты кесу; ағаш құлады; бұтақ жолға төніп тұр | Cut down a dangerous tree; a tree fell; a branch hangs over the road | 3 w=2 | yard park street square school boulevard | дерево упало спилить ветка | ағаш құлады кесу
P pruning | Обрезка деревьев; кусты закрывают окна | ағаштарды кесу; бұталар терезені жауып тұр | Tree pruning; bushes cover the windows | 10 | yard street school | обрезка деревья кусты | ағаш кесу бұта
P planting | Посадить деревья; озеленить двор | ағаш отырғызу; ауланы көгалдандыру | Plant trees; green the yard | 15 h | yard street school | посадить деревья озеленение | ағаш отырғызу
P watering | Не поливают газоны; засохли деревья | көгал суарылмайды; ағаштар қурап қалды | The lawns are not watered; the trees dried up | 5 | park square street boulevard yard embankment | полив газон засохли | суару көгал
P benches | Сломаны скамейки; нет скамеек | орындықтар сынған; орындық жоқ | Broken benches; no benches | 7 | yard park square boulevard embankment | скамейки | орындық
P mowing | Высокая трава, не косят; амброзия | шөп шабылмайды; биік шөп | Tall grass is not mowed | 7 | yard park street boulevard | трава косить | шөп шабу
P fountain | Не работает фонтан | фонтан істемейді | The fountain does not work | 7 w=0.3 | park square boulevard | фонтан | фонтан
P yard_improvement | Благоустройство двора по программе; когда благоустроят двор | ауланы бағдарлама бойынша абаттандыру | Courtyard improvement programme; when will the yard be improved | 15 i dept=akimat org=akimat_service w=1.5 | - | благоустройство двор программа | аула абаттандыру
P sport_ground | Сломана спортивная площадка; нужен спортивный тренажёр | спорт алаңы сынған | Broken sports ground | 7 dept=akimat org=akimat_service | yard park | спортивная площадка тренажёр | спорт алаңы
P poplars | Тополиный пух, спилить тополя | терек мамығы, теректерді кесу | Poplar fluff, cut down the poplars | 10 w=0.5 | yard street | тополь пух | терек
P lawn_damage | Вытоптан газон; машины паркуются на газоне | көгал тапталған | The lawn is trampled; cars park on the lawn | 7 | yard park boulevard | газон вытоптан | көгал
P lawn_fence | Сломано ограждение газона; нужен забор у площадки | көгал қоршауы сынған | Broken lawn fence | 7 | yard park | ограждение газон | қоршау
P tree_pests | Вредители на деревьях; клещи в парке | ағаштардағы зиянкестер; саябақта кенелер | Pests on the trees; ticks in the park | 5 | park yard square | вредители клещи | зиянкес кене

A construction | Строительство и долевое жильё | Құрылыс және үлестік тұрғын үй | Construction and shared-equity housing | place | construction_control | 2 | developer
O site | на стройке | құрылыс алаңында | at the building site | 3
O yard | рядом с домом | үй жанында | next to the building | 1
O newbuild | в новостройке | жаңа үйде | in the new building | 1.5
O school_site | на строительстве школы | мектеп құрылысында | at the school construction site | 0.3
O road_site | на дорожной стройке | жол құрылысында | at the road construction site | 0.6
P noise_night | Шум от стройки ночью; стройка работает ночью | түнде құрылыстан шу; құрылыс түнде жұмыс істейді | Night noise from construction; the site works at night | 3 w=2 | site yard road_site | шум стройка ночью | шу құрылыс түнде
P no_fence | Нет ограждения стройки; опасная стройка | құрылыс қоршалмаған; қауіпті құрылыс | The building site is not fenced; dangerous site | 3 c | site road_site yard | ограждение стройка | қоршау құрылыс
P dirt_site | Грязь со стройки на дорогу; пыль от стройки | құрылыстан жолға батпақ; құрылыс шаңы | Mud from the site on the road; dust from the site | 5 | site yard road_site | грязь пыль стройка | батпақ шаң құрылыс
P illegal_build | Самовольное строительство; незаконная пристройка | рұқсатсыз құрылыс; заңсыз жапсаржай | Unauthorised construction; illegal extension | 15 h w=1.5 | site yard | самострой пристройка незаконное | рұқсатсыз құрылыс
P shared_equity | Долевое строительство заморожено; застройщик не сдаёт дом | үлестік құрылыс тоқтап қалды; құрылыс салушы үйді тапсырмайды | Shared-equity construction frozen; the developer does not deliver | 15 h w=2 | newbuild | долевое застройщик | үлестік құрылыс салушы
P defects | Недоделки в новостройке; брак застройщика; трещины в новом доме | жаңа үйдегі кемшіліктер; құрылыс салушының ақауы | Defects in the new building; cracks in the new house | 10 h w=1.5 | newbuild | недоделки брак застройщик | ақау құрылыс салушы
P site_blocking | Стройка перекрыла проезд; стройка заняла тротуар | құрылыс жолды жауып тастады | The site blocks the road; the site took over the sidewalk | 5 | site yard road_site | перекрыла проезд стройка | құрылыс жол жапты
P commissioning | Ввод дома в эксплуатацию; нет акта ввода | үйді пайдалануға беру; пайдалануға беру актісі жоқ | Putting the building into service; no acceptance certificate | 15 i h | newbuild | ввод эксплуатация акт | пайдалануға беру
P crane | Кран работает над жилым домом; опасный кран | кран тұрғын үй үстінде жұмыс істейді | A crane works over a residential building | 1 c | site | кран | кран
P opening_date | Сроки сдачи объекта; когда откроют школу | нысанды тапсыру мерзімі; мектеп қашан ашылады | Completion date; when will the school open | 10 i | school_site site | сроки сдача | мерзім
P info_board | Нет паспорта объекта на стройке | құрылыста нысан паспорты жоқ | No project information board at the site | 10 | site road_site | паспорт объекта | паспорт
P neighbour_damage | Стройка повредила соседний дом; трещины из-за стройки | құрылыс көрші үйді бүлдірді | The construction damaged a neighbouring building | 10 h | site yard | повредила трещины | бүлдірді
P mixers | Бетономешалки ездят ночью | бетон араластырғыштар түнде жүреді | Concrete mixers drive at night | 5 | site road_site yard | бетономешалки | бетон

A health | Здравоохранение | Денсаулық сақтау | Health care | home | health | 6 | clinic
O clinic | в поликлинике | емханада | at the clinic | 4
O hospital | в больнице | ауруханада | at the hospital | 1.5
O ambulance | в скорой помощи | жедел жәрдемде | at the ambulance service | 0.8
O pharmacy | в аптеке | дәріханада | at the pharmacy | 0.6
O children | в детской поликлинике | балалар емханасында | at the children's clinic | 1
O dental | в стоматологии | стоматологияда | at the dental clinic | 0.3
O maternity | в роддоме | перзентханада | at the maternity hospital | 0.3
O lab | в лаборатории | зертханада | at the laboratory | 0.2
P appointment | Не могу записаться к врачу; нет талонов к врачу; не дозвониться в регистратуру | дәрігерге жазыла алмаймын; дәрігерге талон жоқ | I cannot get a doctor's appointment; the registry does not answer | 2 w=3 | clinic children hospital dental | запись врач талон регистратура | дәрігер жазылу талон
P queue_doctor | Большие очереди к врачу; долгое ожидание приёма | дәрігерге ұзын кезек | Long queues to the doctor | 3 w=1.5 | clinic children hospital dental lab | очередь приём | кезек дәрігер
P rude_staff | Грубость медицинского персонала; врач нагрубил | медицина қызметкерінің дөрекілігі; дәрігер дөрекі сөйледі | Rude medical staff | 5 w=1.5 | clinic children hospital ambulance pharmacy dental maternity | грубость врач медсестра | дөрекі дәрігер
P ambulance_late | Скорая долго едет; скорая не приехала | жедел жәрдем ұзақ келеді; жедел жәрдем келмеді | The ambulance takes too long; the ambulance did not come | 1 c w=1.5 | - | скорая помощь приехала | жедел жәрдем
P medicines | Нет лекарств по льготе; не выдают бесплатные лекарства | жеңілдікпен дәрі жоқ; тегін дәрі берілмейді | No subsidised medicines; free medicines are not given out | 3 w=2 | clinic pharmacy children hospital | лекарства льгота бесплатные | дәрі тегін
P attachment | Прикрепление к поликлинике; открепили от поликлиники | емханаға тіркелу; емханадан шығарып жіберді | Registration with a clinic; removed from the clinic | 3 i w=2 | - | прикрепление поликлиника | тіркелу емхана
P home_visit | Врач не приходит на дом; вызов врача на дом | дәрігер үйге келмейді; дәрігерді үйге шақыру | The doctor does not make home visits | 1 | clinic children | вызов на дом | үйге шақыру
P vaccination | Вакцинация; нет вакцины в поликлинике | вакцинация; емханада вакцина жоқ | Vaccination; no vaccine at the clinic | 3 i | clinic children | вакцина прививка | вакцина екпе
P insurance | Медицинское страхование, статус ОСМС | міндетті әлеуметтік медициналық сақтандыру мәртебесі | Compulsory health insurance status | 3 i w=2 | - | ОСМС страхование статус | МӘМС сақтандыру
P paid_services | Требуют оплату за бесплатные услуги | тегін қызмет үшін ақы талап етеді | Payment demanded for free services | 5 | clinic hospital children dental maternity lab | оплата бесплатные услуги | ақы тегін қызмет
P test_results | Не выдают результаты анализов; потеряли анализы | талдау нәтижелерін бермейді | Test results are not given out | 3 | clinic lab hospital children | анализы результаты | талдау
P referral | Направление к узкому специалисту; нет направления на МРТ | тар маманға жолдама; МРТ-ға жолдама жоқ | Referral to a specialist; no referral for an MRI | 3 | clinic children | направление МРТ | жолдама
P ward_conditions | Плохие условия в стационаре; грязно в палате | стационардағы жағдай нашар; палатада лас | Poor conditions in the hospital; a dirty ward | 5 | hospital maternity | стационар палата | стационар палата
P sick_leave | Больничный лист; не закрывают больничный | еңбекке жарамсыздық парағы | Sick leave certificate | 3 i | - | больничный | еңбекке жарамсыздық
P screening | Профилактический осмотр; скрининг | профилактикалық тексеру; скрининг | Preventive check-up; screening | 5 i | clinic children dental | скрининг осмотр | скрининг
P emergency_refused | Отказали в экстренной помощи; не приняли в приёмном покое | шұғыл көмек көрсетуден бас тартты | Emergency care refused | 1 c | hospital children | экстренная помощь | шұғыл көмек
P disability_med | Медико-социальная экспертиза; оформление инвалидности | медициналық-әлеуметтік сараптама; мүгедектікті ресімдеу | Medical and social assessment; disability registration | 10 i | - | инвалидность МСЭ | мүгедектік

A education | Образование | Білім беру | Education | home | education | 4 | school kindergarten
O school | в школе | мектепте | at the school | 3
O kindergarten | в детском саду | балабақшада | at the kindergarten | 2
O college | в колледже | колледжде | at the college | 0.4
O private_school | в частной школе | жекеменшік мектепте | at a private school | 0.3
O club | в кружке | үйірмеде | at the after-school club | 0.3
O special | в спецшколе | арнайы мектепте | at the special school | 0.2
O mini_centre | в мини-центре | шағын орталықта | at the mini-centre | 0.3
P kg_queue | Очередь в детский сад; когда дадут направление в садик | балабақша кезегі; балабақшаға жолдама қашан беріледі | Kindergarten queue; when will we get a place | 5 i w=3 | - | очередь садик направление | кезек балабақша жолдама
P school_enrol | Зачисление в первый класс; не принимают в школу по месту жительства | бірінші сыныпқа қабылдау; мекенжай бойынша мектепке алмайды | Enrolment in the first grade; the local school refuses to enrol | 5 i w=2 | - | первый класс зачисление | бірінші сынып қабылдау
P extortion | Поборы в школе; собирают деньги на ремонт | мектептегі заңсыз жинақтар; жөндеуге ақша жинайды | Illegal fees; money collected for repairs | 5 w=1.5 | school kindergarten college mini_centre club private_school | поборы деньги сбор | ақша жинау
P food | Плохое питание; некачественная еда в столовой | тамақ нашар; асханада сапасыз тамақ | Poor meals; bad food in the canteen | 3 | school kindergarten college mini_centre special | питание еда столовая | тамақ асхана
P teacher | Жалоба на учителя; воспитатель кричит на детей | мұғалімге шағым; тәрбиеші балаларға айқайлайды | Complaint about a teacher; the carer shouts at children | 5 | school kindergarten college private_school club special mini_centre | учитель воспитатель жалоба | мұғалім тәрбиеші
P shifts | Три смены в школе; переполненные классы | мектепте үш ауысым; сыныптар толы | Three shifts at school; overcrowded classes | 10 h | school | смены переполненные классы | ауысым сынып
P transport_school | Подвоз детей в школу; нет школьного автобуса | балаларды мектепке тасымалдау; мектеп автобусы жоқ | School transport; no school bus | 5 | school | подвоз школьный автобус | мектеп автобусы
P cold_class | Холодно в классах; нет воды в туалетах школы | сыныптарда суық; мектеп дәретханасында су жоқ | Cold classrooms; no water in the toilets | 2 | school kindergarten college special | холодно класс туалет | сынып суық
P voucher | Государственный образовательный заказ; ваучер в частный садик | мемлекеттік білім беру тапсырысы; жекеменшік балабақшаға ваучер | State-funded places; voucher for a private kindergarten | 5 i | - | госзаказ ваучер | мемлекеттік тапсырыс
P bullying | Травля ребёнка в школе; драки в школе | мектепте баланы қорлау; мектептегі төбелес | Bullying at school; fights at school | 3 | school college special | травля буллинг драка | қорлау төбелес
P security | Нет охраны в школе; посторонние на территории | мектепте күзет жоқ; аумақта бөгде адамдар | No security; strangers on the premises | 3 | school kindergarten college special mini_centre | охрана посторонние | күзет бөгде
P textbooks | Нет учебников; помощь со школьной формой | оқулық жоқ; мектеп формасына көмек | No textbooks; school uniform assistance | 5 i | school | учебники форма | оқулық форма
P inclusive | Инклюзивное образование; нет тьютора для ребёнка | инклюзивті білім беру; балаға тьютор жоқ | Inclusive education; no tutor for the child | 10 | school kindergarten | инклюзия тьютор | инклюзивті тьютор
P kg_fee | Оплата за детский сад; родительская плата | балабақша ақысы; ата-ана төлемі | Kindergarten fee | 5 i | - | оплата садик | балабақша ақысы
P exams | ЕНТ и экзамены; выдача аттестата | ҰБТ және емтихандар; аттестат беру | National testing and exams; school certificate | 5 i | - | ЕНТ экзамен аттестат | ҰБТ емтихан
P school_repair | Ремонт затянулся; протекает крыша | жөндеу созылды; шатыр ағады | The repair drags on; the roof leaks | 10 h | school kindergarten college special | ремонт крыша | жөндеу шатыр

A social_support | Социальная поддержка | Әлеуметтік қолдау | Social support | home | social | 3.5 | social_centre
O elderly | для пожилых | қарттарға | for the elderly | 2
O disabled | для людей с инвалидностью | мүгедектігі бар адамдарға | for people with disabilities | 2
O large_family | для многодетной семьи | көпбалалы отбасына | for a large family | 1.5
O low_income | для малообеспеченных | аз қамтылғандарға | for low-income families | 1.5
O veteran | для ветеранов | ардагерлерге | for veterans | 0.6
O single_parent | для одиноких родителей | жалғызбасты ата-аналарға | for single parents | 0.6
O orphan | для детей-сирот | жетім балаларға | for orphans | 0.3
P benefit | Назначение пособия; не пришло пособие | жәрдемақы тағайындау; жәрдемақы келмеді | Granting a benefit; the benefit has not arrived | 5 i w=3 | elderly disabled large_family low_income veteran single_parent orphan | пособие назначение | жәрдемақы
P asp | Адресная социальная помощь; отказали в АСП | атаулы әлеуметтік көмек; АӘК-тен бас тартты | Targeted social assistance; AСП refused | 10 i w=1.5 | large_family low_income single_parent | АСП адресная помощь | АӘК көмек
P care | Социальный работник на дом; уход за одиноким пенсионером | үйге әлеуметтік қызметкер; жалғыз зейнеткерге күтім | Home social worker; care for a lonely pensioner | 5 | elderly disabled | соцработник уход | әлеуметтік қызметкер күтім
P aids | Технические средства реабилитации; коляска, слуховой аппарат | оңалтудың техникалық құралдары; арба, есту аппараты | Rehabilitation aids; wheelchair, hearing aid | 10 | disabled | коляска ТСР реабилитация | арба оңалту
P sanatorium | Путёвка в санаторий | шипажайға жолдама | Sanatorium voucher | 10 i | elderly disabled veteran | санаторий путёвка | шипажай жолдама
P employment | Помощь в трудоустройстве; регистрация безработного | жұмысқа орналасуға көмек; жұмыссыз ретінде тіркелу | Help finding a job; registration as unemployed | 5 i w=2 | - | трудоустройство безработный работа | жұмыс жұмыссыз
P holiday_aid | Единовременная помощь к празднику; помощь ветеранам | мерекеге біржолғы көмек; ардагерлерге көмек | One-off holiday aid; help for veterans | 5 i | elderly disabled veteran | единовременная помощь ветераны | біржолғы көмек ардагер
P homeless | Человек без определённого места жительства на улице; лежит человек на морозе | үйсіз адам көшеде; аязда адам жатыр | A homeless person on the street; a person lying in the cold | 1 c | - | бездомный БОМЖ лежит | үйсіз адам
P pension | Назначение пенсии; перерасчёт пенсии | зейнетақы тағайындау; зейнетақыны қайта есептеу | Granting a pension; pension recalculation | 5 i w=2 | - | пенсия | зейнетақы
P special_transport | Инвалидное такси не приезжает; запись на спецтранспорт | мүгедектерге арналған такси келмейді | The accessible taxi does not come | 3 | disabled elderly | такси спецтранспорт | такси
P care_home | Устройство в дом престарелых | қарттар үйіне орналастыру | Placement in a care home | 10 i | elderly disabled | дом престарелых | қарттар үйі
P home_repair_aid | Помощь с ремонтом жилья | тұрғын үйді жөндеуге көмек | Help with home repairs | 15 h | elderly disabled large_family veteran | ремонт помощь | жөндеу көмек
P food_aid | Продуктовые наборы; горячее питание | азық-түлік жиынтығы; ыстық тамақ | Food parcels; hot meals | 5 | elderly low_income large_family | продуктовые наборы | азық-түлік

A public_order | Общественный порядок | Қоғамдық тәртіп | Public order | place | akimat | 2.5 | akimat_service
O yard | во дворе | аулада | in the yard | 2
O entrance | в подъезде | кіреберісте | in the stairwell | 1.5
O flat_next | в соседней квартире | көрші пәтерде | in the neighbouring flat | 1.5
O cafe | в кафе | кафеде | at the café | 1
O park | в парке | саябақта | in the park | 0.7
O shop | у магазина | дүкен жанында | near the shop | 0.5
O school | у школы | мектеп жанында | near the school | 0.4
P noise | Шум по ночам; громкая музыка ночью | түнгі шу; түнде қатты музыка | Noise at night; loud music at night | 3 w=3 | yard entrance flat_next cafe park shop | шум музыка ночью | шу музыка түнде
P drinking | Распитие спиртного; пьяные компании | ішімдік ішу; мас топтар | Public drinking; drunk groups | 3 w=1.5 | yard entrance park shop school | распитие пьяные | ішімдік мас
P smoking | Курят в подъезде; курение кальяна | кіреберісте темекі шегеді; кальян шегу | Smoking in the stairwell; hookah smoking | 5 | entrance cafe | курят кальян | темекі кальян
P unsafe | Небезопасно вечером; подозрительные люди | кешке қауіпті; күдікті адамдар | Unsafe in the evening; suspicious people | 3 | yard park school entrance | небезопасно подозрительные | қауіпті күдікті
P rented_flat | Посуточная квартира, постоянные гости; притон | тәуліктік пәтер, үнемі қонақтар | Short-term rental flat with constant guests | 5 | flat_next | посуточная квартира притон | тәуліктік пәтер
P fireworks | Салют ночью; петарды во дворе | түнде салют; аулада петарда | Fireworks at night; firecrackers in the yard | 3 w=0.5 | yard park | салют петарды | салют петарда
P cameras | Установить камеры видеонаблюдения | бейнебақылау камераларын орнату | Install CCTV cameras | 15 h dept=public_safety org=rescue | yard entrance park | камеры видеонаблюдение | камера бейнебақылау
P emergency_sit | Угроза чрезвычайной ситуации; падает рекламный щит | төтенше жағдай қаупі; жарнама қалқаны құлайын деп тұр | Threat of an emergency; an advertising board is falling | 1 c dept=public_safety org=rescue | - | чрезвычайная ситуация угроза | төтенше жағдай
P car_noise | Громкая музыка из машин; дрифт во дворе | көліктерден қатты музыка; аулада дрифт | Loud music from cars; drifting in the yard | 3 | yard shop | музыка машины дрифт | музыка көлік
P barking | Собака соседей лает ночами | көршінің иті түнде үреді | The neighbours' dog barks at night | 5 | flat_next yard | собака лает | ит үреді
P renovation_noise | Ремонт у соседей в выходные и ночью | көршілер демалыста және түнде жөндеу жүргізеді | Neighbours renovating at weekends and at night | 3 | flat_next | ремонт соседи шум | жөндеу көрші
P teenagers | Подростки собираются в подъезде; вандализм | жасөспірімдер кіреберісте жиналады; бұзақылық | Teenagers hang around; vandalism | 3 | entrance yard school | подростки вандализм | жасөспірім бұзақылық

A stray_animals | Бездомные животные | Иесіз жануарлар | Stray animals | place | veterinary | 1.5 | vet_service
O yard | во дворе | аулада | in the yard | 3
O school | у школы | мектеп жанында | near the school | 1
O park | в парке | саябақта | in the park | 1
O market | у рынка | базар жанында | near the market | 0.6
O private | в частном секторе | жеке секторда | in the private housing area | 0.8
O kindergarten | у детского сада | балабақша жанында | near the kindergarten | 0.4
O hospital | у больницы | аурухана жанында | near the hospital | 0.3
P dogs | Стая бездомных собак; бездомные собаки нападают | иесіз иттер тобы; иесіз иттер шабуылдайды | A pack of stray dogs; stray dogs attack people | 2 w=3 | yard school park market private kindergarten hospital | собаки стая бездомные | ит иесіз
P bite | Укус собаки; собака покусала ребёнка | итті тістеп алды; ит баланы қапты | Dog bite; a dog bit a child | 1 c | - | укус покусала | ит тістеді
P cats | Бездомные кошки в подвале | жертөледегі иесіз мысықтар | Stray cats in the basement | 5 | yard | кошки подвал | мысық жертөле
P owner_dogs | Выгул собак без намордника; собаки на детской площадке | итті тұмылдырықсыз серуендету | Dogs walked without a muzzle | 5 | yard park school kindergarten | выгул намордник | ит серуендету
P vet_questions | Регистрация и чипирование животных; вакцинация питомца | жануарларды тіркеу және чиптеу | Pet registration and chipping | 5 i | - | чипирование регистрация вакцинация | чиптеу тіркеу
P livestock | Выпас скота в городе; бродит скот | қалада мал жаю; мал жүр | Livestock grazing in the city | 5 | private park yard | скот выпас | мал жаю
P shelter | Забрать собаку в приют; приют для животных | итті баспанаға беру | Take a dog to a shelter | 5 i | - | приют | баспана
P rabies | Подозрение на бешенство; бешеная лиса | құтыру күдігі | Suspected rabies | 1 c | yard private park | бешенство | құтыру
P cruelty | Жестокое обращение с животными | жануарларға қатыгездік | Cruelty to animals | 5 | yard private | жестокое обращение | қатыгездік

A ecology | Экология | Экология | Ecology | place | environment | 1.5 | eco_monitoring
O private | в частном секторе | жеке секторда | in the private housing area | 2
O industrial | у промзоны | өнеркәсіп аймағы маңында | near the industrial zone | 1
O river | у реки Есиль | Есіл өзенінің жағасында | by the Yesil river | 0.6
O lake | у озера | көл жағасында | by the lake | 0.5
O vacant | на пустыре | бос жерде | on the wasteland | 1
O city | в городе | қалада | in the city | 1
O park | в парке | саябақта | in the park | 0.4
P smoke | Дым из труб частных домов; смог, нечем дышать | жеке үйлердің мұржасынан түтін; түтін, тыныс алу қиын | Smoke from private chimneys; smog, hard to breathe | 5 w=3 | private industrial city | дым смог уголь | түтін
P dump | Незаконная свалка; вывалили мусор на пустыре | заңсыз қоқыс үйіндісі; бос жерге қоқыс төгіп кетті | Illegal dump; rubbish dumped on wasteland | 5 w=3 | private vacant river lake industrial park | свалка мусор | қоқыс үйіндісі
P burning_grass | Сжигают мусор и траву; горит камыш | қоқыс пен шөп өртейді; қамыс жанып жатыр | Burning rubbish and grass; the reeds are on fire | 1 c | private vacant river lake park | сжигают горит | өртейді жанып
P smell_industry | Неприятный запах от предприятия | кәсіпорыннан жағымсыз иіс | Bad smell from an enterprise | 5 | industrial private city | запах предприятие | иіс кәсіпорын
P water_pollution | Загрязнение реки; сброс стоков в озеро | өзеннің ластануы; көлге ағынды су төгу | River pollution; sewage discharge into the lake | 5 | river lake | загрязнение сброс | ластану
P air_quality | Качество воздуха; данные мониторинга воздуха | ауа сапасы; ауа мониторингі деректері | Air quality; air monitoring data | 5 i | - | качество воздуха мониторинг | ауа сапасы
P car_wash | Автомойка сливает воду; незаконная автомойка | көлік жуу орны суды төгеді | A car wash discharges water; illegal car wash | 10 | private river industrial | автомойка | көлік жуу
P illegal_felling | Незаконная вырубка деревьев | ағаштарды заңсыз кесу | Illegal tree felling | 3 | park private city | вырубка | ағаш кесу
P industrial_noise | Шум от предприятия круглосуточно | кәсіпорыннан тәулік бойы шу | Round-the-clock noise from an enterprise | 10 | industrial | шум предприятие | шу кәсіпорын
P ash | Выброс золы и шлака | күл мен қож төгу | Dumping of ash and slag | 5 | private vacant | зола шлак | күл қож

A trade_services | Торговля и услуги | Сауда және қызметтер | Trade and services | place | entrepreneurship | 1.5 | market
O market | на рынке | базарда | at the market | 2
O shop | в магазине | дүкенде | in the shop | 2
O street | на улице | көшеде | in the street | 1
O stop | у остановки | аялдама жанында | near the bus stop | 0.5
O mall | в торговом центре | сауда орталығында | at the shopping centre | 0.6
O cafe | в кафе | кафеде | at the café | 0.6
O pharmacy | в аптеке | дәріханада | at the pharmacy | 0.3
P illegal_trade | Стихийная торговля; торгуют с машин | рұқсатсыз сауда; көліктен сауда жасайды | Illegal street trading; selling from cars | 5 w=2 dept=akimat org=akimat_service | street stop market | стихийная торговля | рұқсатсыз сауда
P prices | Завышенные цены; цены на продукты | бағаның негізсіз өсуі; азық-түлік бағасы | Inflated prices; food prices | 5 i w=1.5 | market shop pharmacy | цены | баға
P quality_goods | Некачественный товар; просроченные продукты | сапасыз тауар; мерзімі өткен азық | Poor-quality goods; expired food | 3 | market shop mall cafe pharmacy | просрочка некачественный | мерзімі өткен сапасыз
P alcohol_minors | Продажа алкоголя несовершеннолетним; продажа алкоголя ночью | кәмелетке толмағандарға алкоголь сату | Alcohol sold to minors; alcohol sold at night | 3 | shop | алкоголь продажа | алкоголь сату
P advertising | Незаконная реклама; рекламный щит без разрешения | заңсыз жарнама; рұқсатсыз жарнама қалқаны | Illegal advertising; billboard without a permit | 10 | street stop | реклама щит | жарнама
P kiosk | Незаконный киоск; торговый павильон на тротуаре | заңсыз дүңгіршек; тротуардағы сауда павильоны | Illegal kiosk; a trading pavilion on the sidewalk | 10 | street stop | киоск павильон | дүңгіршек
P business_support | Поддержка бизнеса; льготный кредит для ИП | бизнесті қолдау; ЖК үшін жеңілдікті несие | Business support; soft loan for the self-employed | 10 i w=1.5 | - | поддержка бизнеса кредит ИП | бизнесті қолдау несие
P consumer_rights | Нарушение прав потребителя; не возвращают деньги | тұтынушы құқығын бұзу; ақшаны қайтармайды | Consumer rights violation; refund refused | 10 i w=1.5 | shop mall cafe | права потребителя возврат | тұтынушы құқығы
P cafe_sanitary | Антисанитария; отравление после еды | санитарлық талаптар бұзылған; тамақтан улану | Unsanitary conditions; food poisoning | 3 | cafe market | антисанитария отравление | улану
P opening_hours | Режим работы рынков и магазинов | базарлар мен дүкендердің жұмыс уақыты | Opening hours of markets and shops | 3 i | - | режим работы | жұмыс уақыты
P no_receipt | Не выдают чек; нет терминала для оплаты | чек бермейді; төлем терминалы жоқ | No receipt given; no card terminal | 5 | shop market cafe | чек терминал | чек терминал

A utility_billing | Коммунальные платежи | Коммуналдық төлемдер | Utility billing | home | energy | 5 | billing
O flat | по квартире | пәтер бойынша | for the flat | 3
O private | по частному дому | жеке үй бойынша | for the private house | 1
O office | по нежилому помещению | тұрғын емес үй-жай бойынша | for the non-residential premises | 0.4
O hostel_room | по комнате в общежитии | жатақхана бөлмесі бойынша | for a dormitory room | 0.3
O garage_box | по гаражу | гараж бойынша | for a garage | 0.2
P wrong_charges | Неправильные начисления; завысили сумму в квитанции | қате есептеу; түбіртектегі сома көп | Wrong charges; the bill is too high | 10 i w=3 | flat private office hostel_room garage_box | начисления квитанция сумма | есептеу түбіртек
P recalculation | Перерасчёт за коммунальные услуги; перерасчёт при отсутствии услуги | коммуналдық қызметтер бойынша қайта есептеу | Recalculation of utility charges | 10 i w=2 | flat private office hostel_room | перерасчёт | қайта есептеу
P single_bill | Единый платёжный документ; не пришла квитанция | бірыңғай төлем құжаты; түбіртек келмеді | The unified payment document; the bill did not arrive | 5 i w=2 | flat private hostel_room | единая квитанция ЕПД | бірыңғай түбіртек
P tariffs | Повышение тарифов; почему выросли тарифы | тарифтердің өсуі; тарифтер неге өсті | Tariff increase; why tariffs went up | 5 i w=2 | - | тарифы повышение | тариф өсу
P debt | Задолженность за коммунальные услуги; отключили за долги | коммуналдық қарыз; қарыз үшін өшірді | Utility debt; cut off for debts | 5 i w=1.5 | flat private office hostel_room | долг задолженность | қарыз
P meter_readings | Передача показаний счётчиков; не принимают показания | есептегіш көрсеткіштерін беру | Submitting meter readings; readings are not accepted | 5 i w=1.5 | flat private office | показания счётчик | көрсеткіш есептегіш
P account | Переоформление лицевого счёта; смена собственника | дербес шотты қайта ресімдеу; меншік иесін ауыстыру | Re-registering the account; change of owner | 5 i | flat private office hostel_room | лицевой счёт собственник | дербес шот
P payment_missing | Оплата не поступила; деньги не зачислены | төлем түспеді; ақша есепке алынбады | Payment not credited | 5 i w=1.5 | flat private office | оплата не поступила | төлем түспеді
P utility_allowance | Жилищная помощь на оплату коммунальных услуг | коммуналдық қызметтерге тұрғын үй көмегі | Housing allowance for utility bills | 10 i | - | жилищная помощь коммунальные | тұрғын үй көмегі
P norms | Начисление по нормативу без счётчика | есептегішсіз норматив бойынша есептеу | Charges by norm without a meter | 10 i | flat private | норматив | норматив
P online_payment | Ошибка онлайн-оплаты коммунальных услуг | коммуналдық төлемдерді онлайн төлеу қатесі | Online utility payment error | 3 i | - | онлайн оплата ошибка | онлайн төлем

A land_architecture | Земля и архитектура | Жер және сәулет | Land and architecture | home | architecture | 1.8 | urban_planning
O private_plot | для частного участка | жеке учаске бойынша | for a private plot | 2
O garage | для гаража | гараж бойынша | for a garage | 0.5
O dacha | для дачного участка | саяжай учаскесі бойынша | for a summer-house plot | 1
O building | для здания | ғимарат бойынша | for a building | 1
O commercial | для коммерческого объекта | коммерциялық нысан бойынша | for a commercial property | 0.5
P plot | Предоставление земельного участка; очередь на землю под ИЖС | жер учаскесін беру; ЖТҚ үшін жер кезегі | Allocation of a land plot; queue for land for a private house | 15 i w=3 | - | земельный участок ИЖС очередь | жер учаскесі кезек
P address_assign | Присвоение адреса; уточнение адреса | мекенжай беру; мекенжайды нақтылау | Address assignment; address clarification | 10 i w=1.5 | private_plot building dacha commercial | адрес присвоение | мекенжай беру
P permit | Разрешение на строительство; согласование эскиза | құрылысқа рұқсат; эскизді келісу | Building permit; approval of a sketch | 15 i h w=1.5 | private_plot garage building commercial dacha | разрешение эскиз | рұқсат эскиз
P boundaries | Спор о границах участка; сосед захватил землю | учаске шекарасы туралы дау; көрші жерді басып алды | Dispute over the plot boundary; a neighbour seized land | 15 h | - | границы участок захват | шекара учаске
P redevelopment | Узаконение перепланировки; перевод в нежилое | қайта жоспарлауды заңдастыру | Legalising a redevelopment | 15 i | building | перепланировка | қайта жоспарлау
P master_plan | Генеральный план; снос по генплану | бас жоспар; бас жоспар бойынша бұзу | The master plan; demolition under the master plan | 15 i w=1 | - | генплан снос | бас жоспар бұзу
P land_purpose | Изменение целевого назначения земли | жердің нысаналы мақсатын өзгерту | Change of land use | 15 i | private_plot dacha commercial | целевое назначение | нысаналы мақсат
P land_buyout | Выкуп земельного участка; кадастровая стоимость | жер учаскесін сатып алу; кадастрлық құн | Buying out a land plot; cadastral value | 10 i | private_plot commercial | выкуп кадастровая | кадастрлық құн
P survey | Топосъёмка и землеустроительный проект | топографиялық түсірілім және жерге орналастыру жобасы | Topographic survey and land management project | 10 i | - | топосъёмка землеустроительный | топография
P expropriation | Изъятие земли для государственных нужд | жерді мемлекет мұқтажы үшін алып қою | Land expropriation for public needs | 15 h | private_plot dacha garage | изъятие | алып қою

A other_services | Прочие вопросы и госуслуги | Басқа мәселелер және мемлекеттік қызметтер | Other matters and public services | home | digital | 7 | public_service_centre
O con | в ЦОНе | ХҚКО-да | at the public service centre | 2
O egov | на портале eGov | eGov порталында | on the eGov portal | 2
O app | в мобильном приложении | мобильді қосымшада | in the mobile app | 1
O phone | по телефону | телефон арқылы | by phone | 0.8
P documents | Получение справки; выдача документов | анықтама алу; құжаттарды беру | Obtaining a certificate; issuing documents | 3 i w=3 | con egov app phone | справка документы | анықтама құжат
P queue_con | Большая очередь; электронная очередь не работает | ұзын кезек; электронды кезек істемейді | Long queue; the electronic queue does not work | 3 | con | очередь ЦОН | кезек ХҚКО
P egov_error | Ошибка при подаче заявления; не работает услуга | өтінім беру кезінде қате; қызмет істемейді | Error when applying; the service does not work | 3 i w=2 | egov app | ошибка портал | қате портал
P registration | Прописка и регистрация по месту жительства | тұрғылықты жері бойынша тіркеу | Registration at the place of residence | 3 i w=2 | con egov | прописка регистрация | тіркеу
P digital_signature | Получение ЭЦП; не работает ЭЦП | ЭЦҚ алу; ЭЦҚ істемейді | Obtaining a digital signature; the digital signature does not work | 3 i | con egov | ЭЦП подпись | ЭЦҚ қолтаңба
P reference_info | Справочная информация; телефоны служб города | анықтамалық ақпарат; қала қызметтерінің телефондары | Reference information; phone numbers of city services | 1 i w=4 | - | справка телефон информация | анықтама телефон ақпарат
P gratitude | Благодарность; спасибо за быструю работу | алғыс; жылдам жұмыс үшін рақмет | Thanks; thank you for the quick work | 3 i w=1.5 | - | спасибо благодарность | рақмет алғыс
P akim_meeting | Запись на приём к акиму | әкімнің қабылдауына жазылу | Appointment with the akim | 5 i w=1.5 dept=internal_policy org=ngo_centre | - | приём аким запись | әкім қабылдау
P culture_events | Культурные мероприятия и концерты; работа библиотек | мәдени іс-шаралар мен концерттер; кітапханалардың жұмысы | Cultural events and concerts; library opening hours | 5 i dept=culture org=culture_venue | - | концерт мероприятие библиотека | концерт кітапхана
P sport_sections | Бесплатные спортивные секции; работа спорткомплекса | тегін спорт секциялары; спорт кешенінің жұмысы | Free sports clubs; sports centre hours | 5 i dept=sport org=sport_venue | - | секция спорт | спорт секция
P youth_programs | Молодёжные программы; волонтёрство | жастар бағдарламалары; еріктілік | Youth programmes; volunteering | 5 i dept=youth org=youth_centre | - | молодёжь волонтёр | жастар ерікті
P languages | Курсы казахского языка; ошибки в переводе вывесок | қазақ тілі курстары; маңдайшалардағы аударма қателері | Kazakh language courses; translation errors on signs | 5 i dept=internal_policy org=ngo_centre | - | курсы язык вывеска | тіл курсы маңдайша
P budget | Бюджет города; на что тратят деньги | қала бюджеті; ақша неге жұмсалады | The city budget; what the money is spent on | 10 i dept=economy org=research_centre | - | бюджет | бюджет
P procurement | Государственные закупки; жалоба на конкурс | мемлекеттік сатып алу; конкурсқа шағым | Public procurement; a tender complaint | 10 i dept=finance org=property_fund | - | госзакупки конкурс | сатып алу конкурс
P municipal_property | Аренда коммунального имущества; приватизация | коммуналдық мүлікті жалға алу; жекешелендіру | Lease of municipal property; privatisation | 10 i dept=finance org=property_fund | - | аренда имущество приватизация | мүлік жалға
P smart_city | Работа приложения Smart Astana; не приходят уведомления | Smart Astana қосымшасының жұмысы; хабарламалар келмейді | The Smart Astana app; notifications do not arrive | 3 i org=smart_city | - | Smart Astana приложение | қосымша
P ikomek_complaint | Жалоба на работу оператора 109; не дозвониться на 109 | 109 операторының жұмысына шағым | Complaint about the 109 operator | 3 | - | оператор 109 | оператор 109
P religion | Религиозные вопросы; деятельность религиозных объединений | діни мәселелер | Religious matters | 10 i dept=internal_policy org=ngo_centre | - | религия | дін
P festive | Праздничное оформление города; мероприятия ко Дню столицы | қаланы мерекелік безендіру; Астана күніне арналған шаралар | Festive decoration of the city; Capital Day events | 5 i dept=culture org=culture_venue | - | праздник оформление | мереке безендіру
P id_card | Замена удостоверения личности; получение паспорта | жеке куәлікті ауыстыру; төлқұжат алу | Replacement of the ID card; getting a passport | 3 i w=2 | con egov | удостоверение паспорт | жеке куәлік төлқұжат
P birth_cert | Регистрация рождения; свидетельство о рождении | туу туралы куәлік; тууды тіркеу | Birth registration; birth certificate | 3 i | con egov app | рождение свидетельство | туу куәлік
P marriage | Регистрация брака; запись в ЗАГС | некені тіркеу; АХАТ-қа жазылу | Marriage registration | 3 i | con egov | брак ЗАГС | неке АХАТ
P car_registration | Регистрация автомобиля; перерегистрация транспорта | көлікті тіркеу; көлікті қайта тіркеу | Car registration | 3 i | con egov | регистрация автомобиль | көлік тіркеу
P property_registration | Регистрация недвижимости; справка о зарегистрированных правах | жылжымайтын мүлікті тіркеу | Property registration; certificate of registered rights | 3 i | con egov | недвижимость регистрация | жылжымайтын мүлік
P archive | Архивная справка; подтверждение стажа | мұрағат анықтамасы; еңбек өтілін растау | Archive certificate; work record | 10 i dept=culture org=culture_venue | - | архив стаж | мұрағат өтіл
P akimat_contacts | Как связаться с акиматом района; график приёма граждан | аудан әкімдігімен қалай байланысуға болады | How to contact the district akimat | 1 i w=1.5 | - | акимат приём график | әкімдік қабылдау
P lost_docs | Утеря документов; нашёл чужие документы | құжаттарды жоғалту; біреудің құжатын тауып алдым | Lost documents; found someone's documents | 3 i | - | утеря документов | құжат жоғалту
P military | Воинский учёт; приписное свидетельство | әскери есеп; тіркеу куәлігі | Military registration | 5 i | con | воинский учёт | әскери есеп
P ngo_support | Поддержка НКО; государственный социальный заказ | ҮЕҰ-ны қолдау; мемлекеттік әлеуметтік тапсырыс | NGO support; state social order | 10 i dept=internal_policy org=ngo_centre | - | НКО соцзаказ | ҮЕҰ тапсырыс
P sport_events | Городские спортивные соревнования; марафон | қалалық спорт жарыстары; марафон | City sports competitions; marathon | 5 i dept=sport org=sport_venue | - | соревнования марафон | жарыс марафон
P student_jobs | Работа для студентов на лето; молодёжная практика | студенттерге жазғы жұмыс; жастар практикасы | Summer jobs for students; youth internships | 5 i dept=youth org=youth_centre | - | студенты практика | студент практика
P investment | Инвестиционные проекты; индустриальная зона | инвестициялық жобалар; индустриялық аймақ | Investment projects; industrial zone | 10 i dept=entrepreneurship org=business_support | - | инвестиции индустриальная | инвестиция
P statistics | Статистика и показатели города | қала статистикасы мен көрсеткіштері | City statistics and indicators | 10 i dept=economy org=research_centre | - | статистика показатели | статистика
P civil_defence | Укрытия гражданской обороны; учения | азаматтық қорғаныс баспаналары; жаттығулар | Civil defence shelters; drills | 10 i dept=public_safety org=rescue | - | укрытия ГО | баспана
P river_ice | Опасный лёд на реке; купание в запрещённых местах | өзенде қауіпті мұз; тыйым салынған жерде шомылу | Dangerous ice on the river; swimming in prohibited places | 1 c dept=public_safety org=rescue place | - | лёд река купание | мұз өзен
P fire_safety | Пожарная безопасность; загромождены эвакуационные выходы | өрт қауіпсіздігі; эвакуациялық шығулар жабылған | Fire safety; blocked emergency exits | 3 dept=public_safety org=rescue | - | пожарная безопасность | өрт қауіпсіздігі
""";
}
