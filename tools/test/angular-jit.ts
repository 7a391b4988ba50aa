// Angular's libraries ship partially compiled; without the AOT linker they compile just in time, which needs
// the compiler loaded first (jest.preset.web.js).
import '@angular/compiler';
