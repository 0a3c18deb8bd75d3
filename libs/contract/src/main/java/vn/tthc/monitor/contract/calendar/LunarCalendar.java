package vn.tthc.monitor.contract.calendar;

import java.time.LocalDate;

/**
 * Solar ↔ lunar conversion by Hồ Ngọc Đức's astronomical algorithm ("amlich"): a lunar month
 * starts on the local day of a new moon, month 11 is the one that holds the winter solstice, and
 * in a year of 13 months the first month without a major solar term is the leap month.
 *
 * <p>Everything depends on the time zone in which "the local day" is taken: Vietnam's calendar is
 * computed for UTC+7 since 1968, China's for UTC+8, so a new moon shortly after midnight in Beijing
 * falls on the previous day in Hà Nội and the two calendars differ now and then (Tết 1985 a month
 * apart, Tết 2007 a day apart). Dates are proleptic Gregorian; results before 1900 or after 2199 are
 * outside the range the algorithm was checked against.
 */
public final class LunarCalendar {

    /** The Vietnamese calendar (UTC+7). */
    public static final LunarCalendar VIETNAM = new LunarCalendar(7.0);
    /** The Chinese calendar (UTC+8), for comparison. */
    public static final LunarCalendar CHINA = new LunarCalendar(8.0);

    /** Julian day number of 1970-01-01. */
    private static final long EPOCH_JULIAN_DAY = 2_440_588L;
    private static final double SYNODIC_MONTH = 29.530588853;
    /** The mean synodic month of the new moon series (Meeus). */
    private static final double SYNODIC_MONTH_MEAN = 29.53058868;
    /** Julian date of the new moon of 1900-01-01, the origin of the new moon count {@code k}. */
    private static final double NEW_MOON_ORIGIN = 2_415_021.076998695;
    private static final double DEGREE = Math.PI / 180;

    private final double timeZoneHours;

    public LunarCalendar(final double timeZoneHours) {
        this.timeZoneHours = timeZoneHours;
    }

    public LunarDate toLunar(final LocalDate date) {
        final long dayNumber = julianDay(date);
        final long k = (long) Math.floor((dayNumber - NEW_MOON_ORIGIN) / SYNODIC_MONTH);
        long monthStart = newMoonDay(k + 1);
        if (monthStart > dayNumber) {
            monthStart = newMoonDay(k);
        }
        long a11 = lunarMonth11(date.getYear());
        long b11 = a11;
        int lunarYear;
        if (a11 >= monthStart) {
            lunarYear = date.getYear();
            a11 = lunarMonth11(date.getYear() - 1);
        } else {
            lunarYear = date.getYear() + 1;
            b11 = lunarMonth11(date.getYear() + 1);
        }
        final int day = (int) (dayNumber - monthStart + 1);
        final int diff = (int) Math.floor((monthStart - a11) / 29.0);
        boolean leap = false;
        int month = diff + 11;
        if (b11 - a11 > 365) {
            final int leapMonthDiff = leapMonthOffset(a11);
            if (diff >= leapMonthDiff) {
                month = diff + 10;
                leap = diff == leapMonthDiff;
            }
        }
        if (month > 12) {
            month -= 12;
        }
        if (month >= 11 && diff < 4) {
            lunarYear -= 1;
        }
        return new LunarDate(lunarYear, month, day, leap);
    }

    /** The solar date of a lunar date; fails if the date names a leap month that year does not have. */
    public LocalDate toSolar(final LunarDate lunar) {
        final long a11;
        final long b11;
        if (lunar.month() < 11) {
            a11 = lunarMonth11(lunar.year() - 1);
            b11 = lunarMonth11(lunar.year());
        } else {
            a11 = lunarMonth11(lunar.year());
            b11 = lunarMonth11(lunar.year() + 1);
        }
        final long k = (long) Math.floor(0.5 + (a11 - NEW_MOON_ORIGIN) / SYNODIC_MONTH);
        int offset = lunar.month() - 11;
        if (offset < 0) {
            offset += 12;
        }
        if (b11 - a11 > 365) {
            final int leapOffset = leapMonthOffset(a11);
            int leapMonth = leapOffset - 2;
            if (leapMonth < 0) {
                leapMonth += 12;
            }
            if (lunar.leapMonth() && lunar.month() != leapMonth) {
                throw new IllegalArgumentException(lunar + ": that year's leap month is " + leapMonth);
            }
            if (lunar.leapMonth() || offset >= leapOffset) {
                offset += 1;
            }
        } else if (lunar.leapMonth()) {
            throw new IllegalArgumentException(lunar + ": that year has no leap month");
        }
        return fromJulianDay(newMoonDay(k + offset) + lunar.day() - 1);
    }

    /** Mùng 1 Tết: the first day of the lunar year that begins in {@code year}. */
    public LocalDate newYear(final int year) {
        return toSolar(LunarDate.of(year, 1, 1));
    }

    private static long julianDay(final LocalDate date) {
        return date.toEpochDay() + EPOCH_JULIAN_DAY;
    }

    private static LocalDate fromJulianDay(final long julianDay) {
        return LocalDate.ofEpochDay(julianDay - EPOCH_JULIAN_DAY);
    }

    /** The local day number of the {@code k}-th new moon after 1900-01-01 (Meeus, Astronomical Algorithms). */
    private long newMoonDay(final long k) {
        final double t = k / 1236.85;
        final double t2 = t * t;
        final double t3 = t2 * t;
        double jd1 = 2_415_020.75933 + SYNODIC_MONTH_MEAN * k + 0.0001178 * t2 - 0.000000155 * t3;
        jd1 += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * DEGREE);
        final double m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
        final double mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
        final double f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
        double c1 = (0.1734 - 0.000393 * t) * Math.sin(m * DEGREE) + 0.0021 * Math.sin(2 * DEGREE * m);
        c1 = c1 - 0.4068 * Math.sin(mpr * DEGREE) + 0.0161 * Math.sin(DEGREE * 2 * mpr);
        c1 = c1 - 0.0004 * Math.sin(DEGREE * 3 * mpr);
        c1 = c1 + 0.0104 * Math.sin(DEGREE * 2 * f) - 0.0051 * Math.sin(DEGREE * (m + mpr));
        c1 = c1 - 0.0074 * Math.sin(DEGREE * (m - mpr)) + 0.0004 * Math.sin(DEGREE * (2 * f + m));
        c1 = c1 - 0.0004 * Math.sin(DEGREE * (2 * f - m)) - 0.0006 * Math.sin(DEGREE * (2 * f + mpr));
        c1 = c1 + 0.0010 * Math.sin(DEGREE * (2 * f - mpr)) + 0.0005 * Math.sin(DEGREE * (2 * mpr + m));
        final double deltaT = t < -11
            ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
            : -0.000278 + 0.000265 * t + 0.000262 * t2;
        final double newMoon = jd1 + c1 - deltaT;
        return (long) Math.floor(newMoon + 0.5 + timeZoneHours / 24);
    }

    /** The sun's longitude at the start of a local day, as the index 0..11 of the 30° sector it is in. */
    private int sunLongitudeSector(final long dayNumber) {
        final double t = (dayNumber - 2_451_545.5 - timeZoneHours / 24) / 36525;
        final double t2 = t * t;
        final double m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
        final double l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
        double dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.sin(DEGREE * m);
        dl = dl + (0.019993 - 0.000101 * t) * Math.sin(DEGREE * 2 * m) + 0.000290 * Math.sin(DEGREE * 3 * m);
        double longitude = (l0 + dl) * DEGREE;
        longitude = longitude - 2 * Math.PI * Math.floor(longitude / (2 * Math.PI));
        return (int) Math.floor(longitude / Math.PI * 6);
    }

    /** The day number on which lunar month 11 (the winter solstice month) of the solar year starts. */
    private long lunarMonth11(final int year) {
        final long off = julianDay(LocalDate.of(year, 12, 31)) - 2_415_021;
        final long k = (long) Math.floor(off / SYNODIC_MONTH);
        final long newMoon = newMoonDay(k);
        return sunLongitudeSector(newMoon) >= 9 ? newMoonDay(k - 1) : newMoon;
    }

    /** How many months after month 11 the leap month comes, in a lunar year of 13 months. */
    private int leapMonthOffset(final long a11) {
        final long k = (long) Math.floor((a11 - NEW_MOON_ORIGIN) / SYNODIC_MONTH + 0.5);
        int i = 1;
        int arc = sunLongitudeSector(newMoonDay(k + i));
        int last;
        do {
            last = arc;
            i++;
            arc = sunLongitudeSector(newMoonDay(k + i));
        } while (arc != last && i < 14);
        return i - 1;
    }
}
