import { Routes } from '@angular/router';
import { HomePageComponent } from './home-page.component';

export const HOME_ROUTES: Routes = [{ path: '', component: HomePageComponent, title: '霞科行 · 栖霞区科技成果转化对接平台' }];
