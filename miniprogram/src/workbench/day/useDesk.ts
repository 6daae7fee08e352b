// The desk's data: the staff member (which places they serve), the place and
// day shown, and that day's slots with their bookings. Only the latest day
// asked for may answer; another place or day empties the list until it comes.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DayResponse } from '../../../../shared/schemas/appointments';
import type { StaffProfile } from '../../../../shared/schemas/auth';
import { getDay } from '../../api/desk';
import { errorMessage, isApiError } from '../../api/errors';
import { getStaffMe } from '../../api/staff';
import { DESK_ROUTE, mayUse } from '../access';
import { defaultPlaceId } from '../places';

/** A 401 has already taken the user to the workbench login: no message then. */
const shownError = (e: unknown): string | null => (isApiError(e) && e.status === 401 ? null : errorMessage(e));

export function useDesk(initialPlaceId: string, initialDate: string) {
  const [staff, setStaff] = useState<StaffProfile | null>(null);
  const [staffError, setStaffError] = useState<string | null>(null);
  const [placeId, setPlaceId] = useState(initialPlaceId);
  const [date, setDate] = useState(initialDate);
  const [day, setDay] = useState<DayResponse | null>(null);
  const [dayError, setDayError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);

  const loadStaff = useCallback(async () => {
    setStaffError(null);
    try {
      const s = await getStaffMe();
      setStaff(s);
      // No desk, no day list: the page explains instead of showing the server's 403.
      if (mayUse(s.role, DESK_ROUTE)) setPlaceId((p) => p || defaultPlaceId(s));
    } catch (e) {
      setStaffError(shownError(e));
    }
  }, []);

  const loadDay = useCallback(async () => {
    if (!placeId) return;
    const n = ++seq.current;
    setLoading(true);
    setDayError(null);
    try {
      const res = await getDay(placeId, date);
      if (n === seq.current) setDay(res);
    } catch (e) {
      if (n === seq.current) {
        setDay(null);
        setDayError(shownError(e));
      }
    } finally {
      if (n === seq.current) setLoading(false);
    }
  }, [placeId, date]);

  useEffect(() => {
    void loadStaff();
  }, [loadStaff]);

  useEffect(() => {
    void loadDay();
  }, [loadDay]);

  /** Another place or another day. */
  const show = (next: { placeId: string } | { date: string }) => {
    setDay(null);
    if ('placeId' in next) setPlaceId(next.placeId);
    else setDate(next.date);
  };

  return { staff, staffError, loadStaff, placeId, date, day, dayError, loading, loadDay, show };
}
