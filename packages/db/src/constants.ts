/** The role the server connects as: owns nothing, cannot bypass RLS, cannot create objects. */
export const APP_ROLE = 'plinth_app';
